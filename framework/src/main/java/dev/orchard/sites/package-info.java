/**
 * Many sites over time: reads the results files of many runs (one per branch office, store or school) as a
 * stream, puts them side by side ({@code apple-network:aggregate}), compares a run with a baseline (drift), and
 * writes what Prometheus reads. Orchard schedules nothing itself: CI farms distribute the runs, Prometheus collects
 * the results.
 */
package dev.orchard.sites;
