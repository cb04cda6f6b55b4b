package wire

import (
	"math"
	"slices"
	"testing"
)

func encoded() []byte {
	var e Encoder
	e.Uvarint(300)
	e.Varint(-5)
	e.Byte(7)
	e.U32(0xdeadbeef)
	e.U64(math.MaxUint64 - 1)
	e.Str("héllo")
	e.U64s([]uint64{1, 2, 3})
	e.Str("")
	return e.B
}

func check[S string | []byte](t *testing.T, d *Decoder[S]) {
	t.Helper()
	if v := d.Uvarint(); v != 300 {
		t.Errorf("Uvarint = %d", v)
	}
	if v := d.Varint(); v != -5 {
		t.Errorf("Varint = %d", v)
	}
	if v := d.Byte(); v != 7 {
		t.Errorf("Byte = %d", v)
	}
	if v := d.U32(); v != 0xdeadbeef {
		t.Errorf("U32 = %#x", v)
	}
	if v := d.U64(); v != math.MaxUint64-1 {
		t.Errorf("U64 = %d", v)
	}
	if v := d.Str(); v != "héllo" {
		t.Errorf("Str = %q", v)
	}
	if v := d.U64s(); !slices.Equal(v, []uint64{1, 2, 3}) {
		t.Errorf("U64s = %v", v)
	}
	if v := d.Str(); v != "" {
		t.Errorf("Str = %q", v)
	}
	if d.Err || d.I != len(d.S) {
		t.Errorf("Err %v at %d of %d", d.Err, d.I, len(d.S))
	}
}

func TestRoundTrip(t *testing.T) {
	b := encoded()
	check(t, &Decoder[[]byte]{S: b})
	check(t, &Decoder[string]{S: string(b)})
}

func TestCutShort(t *testing.T) {
	// Every cut of the data is found, reads zeros from there on, and
	// never reads past the end.
	b := encoded()
	for n := range len(b) {
		d := Decoder[[]byte]{S: b[:n]}
		d.Uvarint()
		d.Varint()
		d.Byte()
		d.U32()
		d.U64()
		d.Str()
		d.U64s()
		d.Str()
		if !d.Err {
			t.Errorf("cut at %d of %d: no error", n, len(b))
		}
		if d.Uvarint() != 0 || d.Str() != "" || d.U64() != 0 {
			t.Errorf("cut at %d: a read after the error gave something", n)
		}
	}
}

func TestCountRefusesWhatCannotFollow(t *testing.T) {
	var e Encoder
	e.Uvarint(3) // three eight-byte numbers promised,
	e.U64(1)     // one given
	d := Decoder[[]byte]{S: e.B}
	if n := d.Count(8); n != 0 || !d.Err {
		t.Errorf("Count = %d, Err %v", n, d.Err)
	}
}
