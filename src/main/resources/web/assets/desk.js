// The chip explorer and the timeline work without script (their forms submit by GET); with it,
// changing a filter or the date shows the result at once.
(function () {
  for (const id of ["chip-filters", "timeline-filters"]) {
    const form = document.getElementById(id);
    if (!form) continue;
    form.addEventListener("change", function (e) {
      if (e.target.matches("select, input[type=date]") && (e.target.type !== "date" || e.target.value)) form.submit();
    });
  }
})();
