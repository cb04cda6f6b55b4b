package corpus

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// SizesEnv names the environment variable that sets the corpus sizes
// benchmarks run over, as a comma-separated list: "1000000", or
// "10k,100k,1m".
const SizesEnv = "BROADSHEET_BENCH_N"

// BenchSizes returns the corpus sizes a benchmark runs over: those
// SizesEnv lists, or else defaults. A list it cannot read is a mistake
// worth stopping for: it panics, naming the variable.
func BenchSizes(defaults ...int) []int {
	v := strings.TrimSpace(os.Getenv(SizesEnv))
	if v == "" {
		return defaults
	}
	sizes, err := ParseSizes(v)
	if err != nil {
		panic(fmt.Sprintf("%s=%q: %v", SizesEnv, v, err))
	}
	return sizes
}

// ParseSizes reads a comma-separated list of article counts, each a
// whole number with an optional k (thousand) or m (million) after it.
func ParseSizes(list string) ([]int, error) {
	var sizes []int
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		unit := 1
		switch {
		case strings.HasSuffix(f, "k"):
			f, unit = strings.TrimSuffix(f, "k"), 1_000
		case strings.HasSuffix(f, "m"):
			f, unit = strings.TrimSuffix(f, "m"), 1_000_000
		}
		n, err := strconv.Atoi(strings.ReplaceAll(f, "_", ""))
		if err != nil || n <= 0 || n > 100_000_000/unit {
			return nil, fmt.Errorf("%q is not a number of articles", f)
		}
		sizes = append(sizes, n*unit)
	}
	return sizes, nil
}
