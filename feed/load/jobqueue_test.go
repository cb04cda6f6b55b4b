package load

import (
	"fmt"
	"sync"
	"testing"
)

// TestJobQueueInOrder checks that the queue hands jobs over in the order
// they were pushed, across chunks, to one worker or several, while the
// walk pushes, and ends once closed and empty.
func TestJobQueueInOrder(t *testing.T) {
	for _, n := range []int{0, 1, jobChunk - 1, jobChunk, jobChunk + 1, 3*jobChunk + 7} {
		for _, workers := range []int{1, 4} {
			q := newJobQueue()
			go func() {
				for i := range n {
					q.push(job{path: fmt.Sprint(i)})
				}
				q.close()
			}()
			var (
				mu   sync.Mutex
				got  []int
				wg   sync.WaitGroup
				seen = make([]bool, n)
			)
			for range workers {
				wg.Go(func() {
					for {
						mu.Lock() // taken and noted in one step, to check the order
						j, ok := q.pop()
						if ok {
							var i int
							fmt.Sscan(j.path, &i)
							got = append(got, i)
							seen[i] = true
						}
						mu.Unlock()
						if !ok {
							return
						}
					}
				})
			}
			wg.Wait()
			if len(got) != n {
				t.Fatalf("%d jobs, %d workers: %d taken", n, workers, len(got))
			}
			for i, v := range got {
				if v != i || !seen[i] {
					t.Fatalf("%d jobs, %d workers: job %d taken as the %dth", n, workers, v, i)
				}
			}
		}
	}
}
