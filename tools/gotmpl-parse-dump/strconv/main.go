// Records Go 1.25 behaviour for kelm-gotmpl's parser tests; see ../record.
package main

import (
	"bufio"
	"fmt"
	"math"
	"math/rand"
	"os"
	"strconv"
	"strings"
)

func res(v string, err error) string {
	if err != nil {
		return "err " + err.Error()
	}
	return "ok " + v
}

var nRandom = 3000 // random floats; a count on the command line overrides it

func main() {
	if len(os.Args) > 1 {
		nRandom, _ = strconv.Atoi(os.Args[1])
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	emit := func(parts ...string) {
		for _, p := range parts {
			fmt.Fprintln(w, strconv.QuoteToASCII(p))
		}
	}
	ints := []string{"", "0", "1", "-1", "+1", "-", "+", "00", "0x", "0X1f", "0b", "0b101", "0B11", "0o17", "0O17", "017", "08", "0_1", "0x_1", "0x1_", "1_000", "1__0", "_1", "1_",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
		"99999999999999999999", "99999999999999999999x", "x99999999999999999999", "0xFFFFFFFFFFFFFFFF", "0x10000000000000000", "-0x8000000000000000",
		"127", "128", "-128", "-129", "255", "256", "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
		"zz", "ZZ", "z", "10", "1a", "1A", "-2", "1 ", " 1", "1.0", "1e3", "0x1p4", "é", "1é", "٣", "+-1", "--1", "0b2", "0o8", "0xg"}
	for _, s := range ints {
		for _, base := range []int{0, 2, 8, 10, 16, 36, 1, 37} {
			for _, bits := range []int{0, 1, 8, 32, 64, 65} {
				u, err := strconv.ParseUint(s, base, bits)
				emit("ParseUint", s, fmt.Sprint(base), fmt.Sprint(bits), res(fmt.Sprint(u), err))
				i, err := strconv.ParseInt(s, base, bits)
				emit("ParseInt", s, fmt.Sprint(base), fmt.Sprint(bits), res(fmt.Sprint(i), err))
			}
		}
		a, err := strconv.Atoi(s)
		emit("Atoi", s, "", "", res(fmt.Sprint(a), err))
	}
	floats := []string{"", "0", "-0", "+0", "1", "1.", ".5", ".", "-.", "1e", "1e+", "1e5", "1E-5", "1e+308", "1e309", "-1e309", "1e-324", "5e-324", "2.5e-324", "2.4703282292062328e-324",
		"2.4703282292062327e-324", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "0.1", "0.3", "3.4028235e38", "3.4028236e38", "1e39", "1e-46", "1.4e-45",
		"inf", "Inf", "INF", "+inf", "-inf", "infinity", "-Infinity", "infin", "infinit", "infinityx", "nan", "NaN", "-nan", "+nan", "nanx", "in", "i",
		"0x1p0", "0x1P-2", "0x1.8p1", "0x.8p1", "0x1", "0x1.", "0x1p", "0x1p+", "0xp1", "0x.p1", "0x_1p4", "0x1_p4", "0x1p1_0", "0x1p-1074", "0x1p-1075", "0x1.8p-1074",
		"0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023", "0x1p1024", "-0x1p1024", "0x1.0000000000000801p0", "0x1.00000000000008p0", "0x1.00000000000018p0",
		"0x123456789abcdef0123p0", "0x0.000000000000000000001p0", "0x1p-1022", "0x0.fffffffffffffp-1022", "0x1.fffffep127", "0x1.ffffffp127", "0x1p-149", "0x1p-150", "0x1.8p-149",
		"1_000.5", "1__0", "_1", "1_", "1e1_0", "1e_1", "1._5", "1_.5", "0_1", "00.5", "0x", "0x_", "1e10000", "1e-10000", "1e99999999999999999999", "0e999999", "1.5x", "1.5 ", " 1.5",
		"123456789012345678901234567890", "0.000000000000000000000000000000000001", "9007199254740993", "9007199254740992.5", "4503599627370496.5", "+.5e-3", "-0e5", "1e-400", "-1e-400",
		"0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001e400"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < nRandom; i++ {
		var sb strings.Builder
		switch r.Intn(4) {
		case 0:
			fmt.Fprintf(&sb, "%v", math.Float64frombits(r.Uint64()))
		case 1:
			fmt.Fprintf(&sb, "%.*e", r.Intn(25), r.NormFloat64()*math.Pow(10, float64(r.Intn(600)-300)))
		case 2:
			for j := 0; j < 1+r.Intn(25); j++ {
				sb.WriteByte("0123456789"[r.Intn(10)])
			}
			if r.Intn(2) == 0 {
				fmt.Fprintf(&sb, "e%d", r.Intn(700)-350)
			}
		default:
			fmt.Fprintf(&sb, "0x%x.%xp%d", r.Uint64()>>r.Intn(64), r.Uint64()>>r.Intn(64), r.Intn(2200)-1100)
		}
		floats = append(floats, sb.String())
	}
	for _, s := range floats {
		for _, bits := range []int{64, 32} {
			f, err := strconv.ParseFloat(s, bits)
			v := fmt.Sprintf("%016x", math.Float64bits(f))
			if err != nil && err.(*strconv.NumError).Err == strconv.ErrRange {
				err = fmt.Errorf("%v (value %s)", err, v)
			}
			emit("ParseFloat", s, fmt.Sprint(bits), "", res(v, err))
		}
	}
	quoted := []string{`""`, `"a"`, `"\x41"`, `"\101"`, `"\u0041"`, `"\U00000041"`, `"\q"`, `"\'"`, `'\"'`, `"\""`, `"\\"`, `"\xff"`, `"\377"`, `"\400"`, `"\ud800"`, `"\U00110000"`,
		`"\u00e9"`, `"é"`, "\"tab\there\"", `"\a\b\f\n\r\t\v"`, `"\x4"`, `"\u004"`, `"\08"`, `"\0"`, "`a\\nb`", "`a\rb`", "`\r`", "``", "`x\ny`", `"\` + "`" + `"`, `'a'`, `''`, `'ab'`,
		`'\''`, `'\x41'`, `'é'`, `'\u00e9'`, `'\xff'`, `'\377'`, "'\n'", "\"a\nb\"", `"a`, `a"`, `"`, `'`, "`", `"a"b`, `"a""b"`, "`a`b", `'a'b`, `x`, `xyx`, `"\é"`, `"\` + "\u00a0" + `"`, `"日本\t語"`, `'日'`, `'\U0001F600'`, `"\ufffd"`, `'\ufffd'`, `'�'`}
	for _, s := range quoted {
		u, err := strconv.Unquote(s)
		emit("Unquote", s, "", "", res(strconv.QuoteToASCII(u), err))
		for _, q := range []byte{'"', '\'', '`'} {
			body := s
			if len(body) > 0 {
				body = body[1:]
			}
			v, mb, tail, err := strconv.UnquoteChar(body, q)
			emit("UnquoteChar", body, string(q), "", res(fmt.Sprintf("%d %t %s", v, mb, strconv.QuoteToASCII(tail)), err))
		}
	}
}
