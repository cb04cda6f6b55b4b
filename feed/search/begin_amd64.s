//go:build amd64 && !purego

#include "textflag.h"

// Bytes broadcast into every byte of a register: 0x20 (the bit that
// lower-cases an ASCII letter), 0xC0 (the least lead byte of a
// character past ASCII), 'a' and 25 (a letter, lower-cased, less 'a' is
// at most 25), '0' and 9 (a digit less '0' is at most 9).
DATA beginConsts<>+0(SB)/1, $0x20
DATA beginConsts<>+1(SB)/1, $0xc0
DATA beginConsts<>+2(SB)/1, $0x61
DATA beginConsts<>+3(SB)/1, $0x19
DATA beginConsts<>+4(SB)/1, $0x30
DATA beginConsts<>+5(SB)/1, $0x09
GLOBL beginConsts<>(SB), RODATA|NOPTR, $8

// func nextWide(s string, i int, w *wideSet) (at int, found bool)
//
// w holds 32-byte rows, each one byte repeated: the four first needles,
// the four second ones, the apostrophe, and the least byte that may
// come second whatever it is.
TEXT ·nextWide(SB), NOSPLIT, $0-41
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), DX
	MOVQ i+16(FP), CX
	MOVQ w+24(FP), AX
	VMOVDQU 0(AX), Y8
	VMOVDQU 32(AX), Y9
	VMOVDQU 64(AX), Y10
	VMOVDQU 96(AX), Y11
	VMOVDQU 288(AX), Y5
	VPBROADCASTB beginConsts<>+0(SB), Y12
	VPBROADCASTB beginConsts<>+1(SB), Y13
	VPBROADCASTB beginConsts<>+2(SB), Y14
	VPBROADCASTB beginConsts<>+3(SB), Y15
	VPBROADCASTB beginConsts<>+4(SB), Y7
	VPBROADCASTB beginConsts<>+5(SB), Y6

loop:
	LEAQ 33(CX), BX
	CMPQ BX, DX
	JGT  done
	VMOVDQU (SI)(CX*1), Y0   // the bytes
	VMOVDQU -1(SI)(CX*1), Y1 // the bytes before them

	// A byte of the set: lower-cased, one of the needles; or a lead
	// byte past ASCII.
	VPOR     Y12, Y0, Y2
	VPCMPEQB Y8, Y2, Y3
	VPCMPEQB Y9, Y2, Y4
	VPOR     Y4, Y3, Y3
	VPCMPEQB Y10, Y2, Y4
	VPOR     Y4, Y3, Y3
	VPCMPEQB Y11, Y2, Y4
	VPOR     Y4, Y3, Y3
	VPMAXUB  Y13, Y0, Y4
	VPCMPEQB Y0, Y4, Y4
	VPOR     Y4, Y3, Y3

	// After an ASCII letter or digit, no word begins.
	VPOR     Y12, Y1, Y2
	VPSUBB   Y14, Y2, Y2
	VPMINUB  Y15, Y2, Y4
	VPCMPEQB Y4, Y2, Y2
	VPSUBB   Y7, Y1, Y1
	VPMINUB  Y6, Y1, Y4
	VPCMPEQB Y4, Y1, Y1
	VPOR     Y1, Y2, Y2
	VPANDN   Y3, Y2, Y3

	// The byte after: past the least, an apostrophe, or, lower-cased,
	// one of the second needles.
	VMOVDQU  1(SI)(CX*1), Y1
	VPMAXUB  Y5, Y1, Y2
	VPCMPEQB Y1, Y2, Y2
	VPCMPEQB 256(AX), Y1, Y4
	VPOR     Y4, Y2, Y2
	VPOR     Y12, Y1, Y1
	VPCMPEQB 128(AX), Y1, Y4
	VPOR     Y4, Y2, Y2
	VPCMPEQB 160(AX), Y1, Y4
	VPOR     Y4, Y2, Y2
	VPCMPEQB 192(AX), Y1, Y4
	VPOR     Y4, Y2, Y2
	VPCMPEQB 224(AX), Y1, Y4
	VPOR     Y4, Y2, Y2
	VPAND    Y2, Y3, Y3

	VPMOVMSKB Y3, BX
	TESTL     BX, BX
	JNZ       found
	ADDQ      $32, CX
	JMP       loop

found:
	BSFL BX, BX
	ADDQ BX, CX
	MOVQ CX, at+32(FP)
	MOVB $1, found+40(FP)
	VZEROUPPER
	RET

done:
	MOVQ CX, at+32(FP)
	MOVB $0, found+40(FP)
	VZEROUPPER
	RET
