package org.w3id.chipgraph.cli;

/** Output of the dependency commands: readable text, or the same JSON as the HTTP API. */
enum ReportFormat { text, json }
