package org.w3id.chipgraph.eto;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.chipgraph.ProjectCopy;
import org.w3id.chipgraph.load.InputFiles;
import org.w3id.chipgraph.input.LoadException;
import org.w3id.chipgraph.load.Loader;
import org.w3id.chipgraph.store.VersionedStore;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;

/**
 * Bad ETO files and bad mappings stop the load with the file and line, before the store is
 * touched: the published version stays byte for byte what it was.
 */
class EtoErrorsTest {
    @TempDir Path tmp;
    Path project, eto;
    VersionedStore store;
    String publishedBefore;

    @BeforeEach
    void setUp() {
        project = ProjectCopy.into(tmp.resolve("project"));
        eto = EtoFixture.copy(tmp.resolve("eto"));
        store = new VersionedStore(tmp.resolve("db"));
        load();                      // a good load with the import, published
        publishedBefore = ProjectCopy.treeHash(store.root());
    }

    String load() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new Loader(InputFiles.in(project), List.of(), new PrintStream(log, true, StandardCharsets.UTF_8))
                .withStage(EtoStage.of(EtoFixture.directory(eto))).load(store);
        return log.toString(StandardCharsets.UTF_8);
    }

    LoadException refused() {
        LoadException e = assertThrows(LoadException.class, this::load);
        assertEquals(LoadException.INPUT, e.exitCode(), e.getMessage());
        assertEquals(publishedBefore, ProjectCopy.treeHash(store.root()), "a refused load must not change the store");
        return e;
    }

    @Test
    void aRowWithTooFewColumnsNamesFileAndLine() {
        EtoFixture.replaceLine(eto, "provision.csv", 6, "Nvidia,P11,Logic chip design: Discrete GPUs,N2");
        assertEquals("provision.csv:6: 4 field(s), the header has 6 [provider_name, provider_id, provided_name, provided_id, share_provided, negligible_market_share]",
                refused().getMessage());
    }

    @Test
    void aBadShareNamesFileAndLine() {
        EtoFixture.replaceLine(eto, "provision.csv", 12, "NLD,P45,EUV scanners,N20,47 %x,");
        assertEquals("provision.csv:12: bad share_provided '47 %x' (want a percentage such as '47%', or nothing)", refused().getMessage());
        EtoFixture.replaceLine(eto, "provision.csv", 12, "NLD,P45,EUV scanners,N20,101%,");
        assertEquals("provision.csv:12: share_provided '101%' is over 100%", refused().getMessage());
        EtoFixture.replaceLine(eto, "provision.csv", 12, "NLD,P45,EUV scanners,N20,100%,tiny");
        assertTrue(refused().getMessage().startsWith("provision.csv:12: bad negligible_market_share 'tiny'"));
    }

    @Test
    void unknownReferencesAreRefused() {
        EtoFixture.replaceLine(eto, "provision.csv", 12, "Foo,P999,EUV scanners,N20,1%,");
        assertEquals("provision.csv:12: provider P999 is not in providers.csv", refused().getMessage());
        EtoFixture.replaceLine(eto, "provision.csv", 12, "NLD,P45,EUV scanners,N2000,100%,");
        assertTrue(refused().getMessage().startsWith("provision.csv:12: provided_id 'N2000' is not a stage of stages.csv nor an input of inputs.csv"));
    }

    @Test
    void lineNumbersCountTheLinesOfQuotedMultiLineFields() {
        // stages.csv: the header, then S1 whose description spans lines 2-4; S2 starts on line 5.
        EtoFixture.replaceLine(eto, "stages.csv", 5, "X2,Fabrication,\"Fabrication turns designs into chips, in fabs.\",,,");
        assertEquals("stages.csv:5: bad stage_id 'X2' (want a stage id such as S1)", refused().getMessage());
    }

    @Test
    void badTypesMissingColumnsAndMissingFilesAreRefused() throws Exception {
        EtoFixture.replaceLine(eto, "inputs.csv", 4, "EUV scanners,N20,machine,,,\"x\",,,");
        assertEquals("inputs.csv:4: type 'machine' of N20 is not one of " + EtoDataset.INPUT_TYPES, refused().getMessage());
        EtoFixture.copy(tmp.resolve("eto2"));
        eto = tmp.resolve("eto2");
        EtoFixture.replaceLine(eto, "providers.csv", 1, "provider_name,provider_id,type,country");
        assertTrue(refused().getMessage().startsWith("providers.csv:1: missing column 'provider_type'"));
        Files.delete(eto.resolve("sequence.csv"));
        assertEquals("sequence.csv: missing file of the ETO dataset", refused().getMessage());
    }

    // ---------------------------------------------------------------- data/eto-mapping.csv

    void mappingLine(int line, String text) throws Exception {
        Path m = project.resolve("data/eto-mapping.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(m));
        lines.set(line - 1, text);
        Files.write(m, lines);
    }

    int lineOf(String etoId) throws Exception {
        List<String> lines = Files.readAllLines(project.resolve("data/eto-mapping.csv"));
        for (int i = 0; i < lines.size(); i++)
            if (lines.get(i).startsWith(etoId + ","))
                return i + 1;
        throw new AssertionError(etoId + " not in the mapping");
    }

    @Test
    void aMappingWhoseNameIsNotTheEtoNameIsRefused() throws Exception {
        int line = lineOf("P11");
        mappingLine(line, "P11,NVIDIA Corp,id:nvidia,same company");
        assertEquals("data/eto-mapping.csv:" + line + ": P11 is 'Nvidia' in the ETO data, not 'NVIDIA Corp': check the id", refused().getMessage());
    }

    @Test
    void aMappingToTheWrongKindOfEntityIsRefused() throws Exception {
        int line = lineOf("P37");
        mappingLine(line, "P37,SMIC,id:h100,wrong on purpose");
        assertEquals("data/eto-mapping.csv:" + line + ": P37 'SMIC' is an organization in the ETO data, but id:h100 is [cg:Accelerator]",
                refused().getMessage());
    }

    @Test
    void aMappingThatContradictsTheRegistersEtoIdIsRefused() throws Exception {
        mappingLine(lineOf("P56"), "");
        int line = lineOf("P37");
        mappingLine(line, "P37,SMIC,id:micron,wrong on purpose");
        assertEquals("data/eto-mapping.csv:" + line + ": the register gives id:micron cg:etoId \"P56\", not P37", refused().getMessage());
    }

    @Test
    void aMappingWithoutEvidenceIsRefused() throws Exception {
        int line = lineOf("P88");
        mappingLine(line, "P88,ASML,id:asml,");
        assertEquals("data/eto-mapping.csv:" + line + ": no evidence for P88 = <https://w3id.org/chipgraph/id/asml>: say why they are the same",
                refused().getMessage());
    }

    @Test
    void aMappingToAnEntityOutsideTheRegisterIsReportedNotApplied() throws Exception {
        // N19 (advanced photolithography equipment) is in the fixture and named by neither the mapping nor the register.
        Files.writeString(project.resolve("data/eto-mapping.csv"), "N19,Advanced photolithography equipment,id:no-such-thing,made up for the test\n",
                StandardOpenOptionAppend.APPEND);
        String log = load();
        assertTrue(log.contains("note: data/eto-mapping.csv:") && log.contains("id:no-such-thing is not an entity of the register"), log);
    }

    static final class StandardOpenOptionAppend {
        static final StandardOpenOption APPEND = StandardOpenOption.APPEND;
    }
}
