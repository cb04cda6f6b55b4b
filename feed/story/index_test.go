package story

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestFindDayMatchesBinarySearch checks that findDay, which guesses a
// day's place from the first and last days, finds the place a binary
// search finds: in short and long lists, dense and sparse, with and
// without the undated bucket, for days before, between, on and after.
func TestFindDayMatchesBinarySearch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 14))
	for range 3000 {
		var days []dayBucket
		if r.IntN(3) == 0 {
			days = append(days, dayBucket{day: undated})
		}
		day := int32(r.IntN(40000)) - 20000
		for range r.IntN(300) {
			day += 1 + int32(r.IntN(1+r.IntN(50)))
			days = append(days, dayBucket{day: day})
		}
		for range 40 {
			var want int32
			switch r.IntN(5) {
			case 0:
				want = undated
			case 1:
				if len(days) > 0 {
					want = days[r.IntN(len(days))].day
				}
			default:
				want = int32(r.IntN(60000)) - 30000
			}
			i, ok := findDay(days, want)
			j, found := slices.BinarySearchFunc(days, want, func(b dayBucket, d int32) int {
				return int(int64(b.day) - int64(d))
			})
			if i != j || ok != found {
				t.Fatalf("findDay(%v, %d) = %d, %v; want %d, %v", days, want, i, ok, j, found)
			}
		}
	}
}
