package corpus

import (
	"slices"
	"testing"
)

func TestParseSizes(t *testing.T) {
	tests := []struct {
		in   string
		want []int
	}{
		{"1000000", []int{1_000_000}},
		{"10k, 100K,1m", []int{10_000, 100_000, 1_000_000}},
		{"1_000_000", []int{1_000_000}},
		{"", nil},
		{"ten", nil},
		{"0", nil},
		{"-5", nil},
		{"10k,", nil},
		{"1000m", nil},
	}
	for _, tt := range tests {
		got, err := ParseSizes(tt.in)
		if (err != nil) != (tt.want == nil) || !slices.Equal(got, tt.want) {
			t.Errorf("ParseSizes(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestBenchSizes(t *testing.T) {
	t.Setenv(SizesEnv, "")
	if got := BenchSizes(10_000, 100_000); !slices.Equal(got, []int{10_000, 100_000}) {
		t.Errorf("unset: %v, want the defaults", got)
	}
	t.Setenv(SizesEnv, "1m")
	if got := BenchSizes(10_000, 100_000); !slices.Equal(got, []int{1_000_000}) {
		t.Errorf("%s=1m: %v", SizesEnv, got)
	}
	t.Setenv(SizesEnv, "lots")
	defer func() {
		if recover() == nil {
			t.Errorf("%s=lots did not stop the benchmark", SizesEnv)
		}
	}()
	BenchSizes(10_000)
}
