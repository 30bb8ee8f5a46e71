/**
 * The report writers: the JSON results file that dashboards read, Surefire-compatible XML that CI servers
 * publish, a self-contained HTML page for people, and the console summary. They all read one {@link
 * dev.orchard.report.RunReport}, so every view of a run tells the same story.
 */
package dev.orchard.report;
