// Package wire writes and reads what Broadsheet's files on disk are made
// of: varints, little-endian fixed-width numbers and length-prefixed
// strings. The extraction cache, the kept search index and the kept
// stories are all written with an Encoder and read with a Decoder, so a
// number is spelled one way in all of them.
package wire

import "encoding/binary"

// Encoder appends to B.
type Encoder struct{ B []byte }

// Uvarint appends v as an unsigned varint.
func (e *Encoder) Uvarint(v uint64) { e.B = binary.AppendUvarint(e.B, v) }

// Varint appends v as a zig-zag varint.
func (e *Encoder) Varint(v int64) { e.B = binary.AppendVarint(e.B, v) }

// Byte appends b.
func (e *Encoder) Byte(b byte) { e.B = append(e.B, b) }

// U32 appends v in four bytes, little end first.
func (e *Encoder) U32(v uint32) { e.B = binary.LittleEndian.AppendUint32(e.B, v) }

// U64 appends v in eight bytes, little end first.
func (e *Encoder) U64(v uint64) { e.B = binary.LittleEndian.AppendUint64(e.B, v) }

// Str appends s after its length.
func (e *Encoder) Str(s string) {
	e.Uvarint(uint64(len(s)))
	e.B = append(e.B, s...)
}

// U64s appends vs after their count.
func (e *Encoder) U64s(vs []uint64) {
	e.Uvarint(uint64(len(vs)))
	for _, v := range vs {
		e.U64(v)
	}
}

// Decoder reads, from S at I, what an Encoder wrote. Past the end of S,
// or at anything malformed, it sets Err, moves I to the end and reads
// zeros from then on, so a damaged file is found once, at the end,
// rather than at every read.
type Decoder[S string | []byte] struct {
	S   S
	I   int
	Err bool
}

// fail marks the data damaged.
func (d *Decoder[S]) fail() {
	d.Err = true
	d.I = len(d.S)
}

// Uvarint reads an unsigned varint.
func (d *Decoder[S]) Uvarint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		if d.I >= len(d.S) {
			d.fail()
			return 0
		}
		c := d.S[d.I]
		d.I++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	d.fail()
	return 0
}

// Varint reads a zig-zag varint.
func (d *Decoder[S]) Varint() int64 {
	u := d.Uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// Byte reads one byte.
func (d *Decoder[S]) Byte() byte {
	if d.I >= len(d.S) {
		d.fail()
		return 0
	}
	d.I++
	return d.S[d.I-1]
}

// U32 reads four bytes, little end first.
func (d *Decoder[S]) U32() uint32 {
	if len(d.S)-d.I < 4 {
		d.fail()
		return 0
	}
	s := d.S[d.I:]
	d.I += 4
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// U64 reads eight bytes, little end first.
func (d *Decoder[S]) U64() uint64 {
	if len(d.S)-d.I < 8 {
		d.fail()
		return 0
	}
	s := d.S[d.I:]
	d.I += 8
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Count reads a count of things at least size bytes each, refusing one
// that the rest of the data cannot hold.
func (d *Decoder[S]) Count(size int) int {
	n := d.Uvarint()
	if n > uint64((len(d.S)-d.I)/size) {
		d.fail()
		return 0
	}
	return int(n)
}

// Str reads a string after its length. Read from a string, it is a part
// of S, not a copy; read from bytes, it is a copy.
func (d *Decoder[S]) Str() string {
	n := d.Count(1)
	s := string(d.S[d.I : d.I+n])
	d.I += n
	return s
}

// Skip passes over a string, as Str would read it, without making it.
func (d *Decoder[S]) Skip() {
	d.I += d.Count(1)
}

// U64s reads what Encoder.U64s wrote.
func (d *Decoder[S]) U64s() []uint64 {
	n := d.Count(8)
	if n == 0 {
		return nil
	}
	vs := make([]uint64, n)
	for i := range vs {
		vs[i] = d.U64()
	}
	return vs
}
