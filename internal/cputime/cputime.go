// Package cputime reads how much CPU time the process, or the calling
// thread, has used. Benchmarks report it beside wall-clock time: on a
// shared machine it says more about the work than the clock does.
package cputime
