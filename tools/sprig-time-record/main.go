// Command sprig-time-record records what Go's time package does with the layouts,
// values, durations and zones kelm's date functions meet, as JSON for kelm-sprig's
// unit tests (crates/kelm-sprig/src/date/testdata/go_time.json).
//
// Run with the Go Helm 4.1.4 is built with (1.25), on a machine with the system tz
// database, with TZ unset:
//
//	go run ./tools/sprig-time-record > crates/kelm-sprig/src/date/testdata/go_time.json
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

var zones = []string{
	"UTC", "America/New_York", "Europe/Dublin", "Australia/Lord_Howe", "Asia/Kolkata",
	"America/Sao_Paulo", "Pacific/Apia", "Africa/Casablanca", "Asia/Kathmandu",
	"America/St_Johns", "Antarctica/Troll", "Pacific/Chatham", "Europe/Moscow",
}

var instants = [][2]int64{
	{0, 0}, {1, 0}, {-1, 0}, {1234567890, 123456789}, {1e9, 5e8}, {1700000000, 1},
	{-62135596800, 0}, {-62167219200, 0}, {-62167219201, 999999999}, {253402300799, 999999999},
	{253402300800, 0}, {1 << 40, 0}, {-(1 << 40), 0}, {1 << 50, 7}, {-(1 << 50), 7},
	{1615705199, 0}, {1615705200, 0}, {1636264799, 0}, {1636264800, 0},
	{-2208988800, 0}, {-5364662400, 0}, {-8000000000, 0}, {4102444800, 0}, {4118000000, 0},
	{7258118400, 0}, {13000000000, 0}, {1711846800, 0}, {1728777600, 0}, {1743300000, 0},
	{1234567890, 5}, {1234567890, 50}, {1234567890, 500000}, {1234567890, 999999999},
	{951782400, 0}, {954460800, 0}, {1078099200, 0}, {4107542400, 0},
}

var layouts = []string{
	time.Layout, time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z,
	time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen,
	time.Stamp, time.StampMilli, time.StampMicro, time.StampNano, time.DateTime,
	time.DateOnly, time.TimeOnly,
	"2006-01-02 15:04:05.999999999 -0700 MST",
	"3pm", "3PM", "06 01 02", "Hi Janet, the Month is January",
	"Jan  2 002 __2 2", "2006 6 06 _6 __6 ___6", "Jan January 1 01 _1", "2 02 _2 __2",
	"Mon Monday", "15 3 03 _3", "4 04 _4", "5 05 _5",
	"Z0700 Z07:00 Z07 Z070000 Z07:00:00", "-0700 -07:00 -07 -070000 -07:00:00",
	".0 .00 .000 .000000 .000000000 .0000000000", ".9 .99 .999 .999999 .999999999 .9999999999",
	",000 ,999 ,9", "05.000 05,999 05.9", "_2006 __2006 _2006_", "Janx Monx MSTx Jan. Mon.",
	"2006-01-02T15:04:05.000Z07:00", "20060102150405", "060102", "2006-002", "002 __2",
	"pm PM 03 3", "", "no layout elements here", "2006年01月02日", "01/02/2006 03:04:05 PM",
	"1 2 3 4 5 6", "15h04m05s", "2006-01-02T15:04:05.999999999", "Monday, 02-Jan-06",
	".9999", ".000000000000", "05.00000000000", "MST MST", "J Ja Jan Janu", "M Mo Mon Mond",
}

var parseCases = [][2]string{
	{time.ANSIC, "Thu Feb  4 21:00:57 2010"},
	{time.UnixDate, "Thu Feb  4 21:00:57 PST 2010"},
	{time.RubyDate, "Thu Feb 04 21:00:57 -0800 2010"},
	{time.RFC850, "Thursday, 04-Feb-10 21:00:57 PST"},
	{time.RFC1123, "Thu, 04 Feb 2010 21:00:57 PST"},
	{time.RFC1123, "Thu, 04 Feb 2010 22:00:57 PDT"},
	{time.RFC1123, "Thu, 04 Feb 2010 22:00:57 EST"},
	{time.RFC1123, "Thu, 04 Feb 2010 22:00:57 IST"},
	{time.RFC1123, "Sun, 04 Jul 2010 22:00:57 IST"},
	{time.RFC1123, "Sun, 04 Jul 2010 22:00:57 GMT"},
	{time.RFC1123Z, "Thu, 04 Feb 2010 21:00:57 -0800"},
	{time.RFC1123Z, "Thu, 04 Feb 2010 21:00:57 -0500"},
	{time.RFC3339, "2010-02-04T21:00:57-08:00"},
	{time.RFC3339, "2010-02-04T21:00:57-05:00"},
	{time.RFC3339, "2010-07-04T21:00:57+01:00"},
	{time.RFC3339, "2010-02-04T21:00:57Z"},
	{time.RFC3339, "2010-02-04T21:00:57.123456789Z"},
	{time.RFC3339, "2010-02-04T21:00:57.1234567891234Z"},
	{time.RFC3339, "2010-02-04T21:00:57,5Z"},
	{time.RFC3339, "2010-02-04t21:00:57Z"},
	{time.RFC3339, "2010-02-04T21:00:57+24:00"},
	{time.RFC3339, "2010-02-04T21:00:57+23:59"},
	{time.RFC3339, "2010-02-04T21:00:57+0800"},
	{time.RFC3339, "10000-02-04T21:00:57Z"},
	{time.RFC3339, "2010-02-30T21:00:57Z"},
	{time.RFC3339Nano, "2010-02-04T21:00:57.5+05:30"},
	{time.RFC3339Nano, "2010-02-04T21:00:57"},
	{"2006-01-02 15:04:05-07", "2010-02-04 21:00:57-08"},
	{time.ANSIC, "Thu Feb  4 21:00:57.0 2010"},
	{time.UnixDate, "Thu Feb  4 21:00:57.01 PST 2010"},
	{time.RubyDate, "Thu Feb 04 21:00:57.012 -0800 2010"},
	{"2006-01-02 15:04:05", "2010-02-04 21:00:57.0"},
	{time.ANSIC, "Thu      Feb     4     21:00:57     2010"},
	{time.ANSIC, "THU FEB 4 21:00:57 2010"},
	{"Mon Jan _2 15:04:05,000 2006", "Thu Feb  4 21:00:57.012 2010"},
	{"2006.01.02.15.04.05.0", "2010.02.04.21.00.57.0"},
	{"2006.01.02.15.04.05.00", "2010.02.04.21.00.57.01"},
	{"Hi Janet, the Month is January: Jan _2 15:04:05 2006", "Hi Janet, the Month is February: Feb  4 21:00:57 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 GMT-8 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 GMT+3 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 GMT 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 GMT+24 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 ChST 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 WITA 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 ABCDT 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 ABCD 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 AB 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 +03 2010"},
	{time.UnixDate, "Fri Feb  5 05:00:57 UTC 2010"},
	{"2006-01-02 15:04:05.9999 -0700 MST", "2010-02-04 21:00:57.012345678 -0800 PST"},
	{"2006-01-02 15:04:05,999999999 -0700 MST", "2010-02-04 21:00:57.0123 -0800 PST"},
	{time.StampNano, "Feb  4 21:00:57.012345678"},
	{"Jan _2 15:04:05.999", "Feb  4 21:00:57.012300000"},
	{"2006-01-02 002 15:04:05", "2010-02-04 035 21:00:57"},
	{"2006-002 15:04:05", "2010-035 21:00:57"},
	{"2006-002", "2012-060"},
	{"2006-002", "2012-366"},
	{"2006-002", "2011-366"},
	{"200600201 15:04:05", "201003502 21:00:57"},
	{"2006-01-02T15:04:05Z07", "2010-02-04T21:00:57+08"},
	{"2006-01-02T15:04:05Z070000", "2010-02-04T21:00:57-080000"},
	{"2006-01-02T15:04:05Z07:00:00", "2010-02-04T21:00:57+08:00:00"},
	{"2006-01-02", "2024-02-29"},
	{"2006-01-02", "2023-02-29"},
	{"2006-01-02", "2023-13-01"},
	{"2006-01-02", "2023-00-01"},
	{"2006-01-02", "2023-1-01"},
	{"2006-1-2", "2023-1-1"},
	{"2006-1-2", "2023-12-31"},
	{"02/01/2006", "31/12/2017"},
	{"2006-01-02", "2017-12-31"},
	{"2006-01-02", "2017-12-31x"},
	{"2006-01-02", ""},
	{"", ""},
	{"", "x"},
	{"06", "68"},
	{"06", "69"},
	{"06", "+1"},
	{"2006", "-123"},
	{"2006", "+123"},
	{"15:04", "24:00"},
	{"3:04PM", "12:30AM"},
	{"3:04PM", "12:30PM"},
	{"3:04PM", "1:30PM"},
	{"3:04PM", "13:30PM"},
	{"3:04pm", "1:30pm"},
	{"03:04PM", "1:30PM"},
	{"Jan 2", "Feb 30"},
	{"January 2", "february 28"},
	{"Monday Jan 2", "Sunday Feb 3"},
	{"Monday Jan 2", "Funday Feb 3"},
	{"2006-01-02 15:04:05 MST", "2021-03-14 02:30:00 EST"},
	{"2006-01-02 15:04:05 MST", "2021-03-14 03:30:00 EDT"},
	{"2006-01-02 15:04:05 MST", "2021-11-07 01:30:00 EDT"},
	{"2006-01-02 15:04:05 MST", "2021-11-07 01:30:00 EST"},
	{"2006-01-02 15:04:05", "2021-03-14 02:30:00"},
	{"2006-01-02 15:04:05", "2021-11-07 01:30:00"},
	{"2006-01-02 15:04:05 -0700", "2021-11-07 01:30:00 -0400"},
	{"2006-01-02 15:04:05 -0700", "2021-11-07 01:30:00 -0500"},
	{"2006-01-02 15:04:05 -0700 MST", "2021-11-07 01:30:00 -0500 EDT"},
	{"2006-01-02 15:04:05 -0700 MST", "2021-11-07 01:30:00 -0500 XYZ"},
	{"2006-01-02 15:04:05.000", "2021-11-07 01:30:00.1234"},
	{"2006-01-02 15:04:05.000", "2021-11-07 01:30:00.12"},
	{"2006-01-02 15:04:05.999", "2021-11-07 01:30:00"},
	{"2006-01-02 15:04:05", "2021-11-07 01:30:00.1234567891"},
	{"2006-01-02 15:04:05", "2021-11-07 01:30:00,5"},
	{"2006-01-02 15:04:05", "2021-11-07 01:30:00."},
	{"2006-01-02 15:04:05", "2021-11-07 01:30:60"},
	{"2006-01-02 15:04", "2021-11-07 01:60"},
	{"2006-01-02 15", "2021-11-07 1"},
	{"2006-01-02 __2", "2021-11-07  12"},
	{"2006 __2", "2021   7"},
	{"2006 002", "2021 07"},
	{"_2 Jan", " 7 Feb"},
	{"_2 Jan", "17 Feb"},
	{"2 Jan 2006", "7 Féb 2006"},
	{"2006-01-02 héllo", "2010-02-04 héllo"},
	{"2006-01-02 héllo", "2010-02-04 hello"},
	{"2006-01-02", "2010-02-04\u00e9"},
	{"2006-01-02", "\u00e92010"},
	{time.ANSIC, "Feb  4 21:00:60 2010"},
	{time.ANSIC, "Thu Feb  4 21:00:57 @2010"},
	{time.ANSIC, "Thu Feb  4 21:00:60 2010"},
	{time.ANSIC, "Thu Feb  4 21:61:57 2010"},
	{time.ANSIC, "Thu Feb  4 24:00:60 2010"},
	{"Mon Jan _2 15:04:05.000 2006", "Thu Feb  4 23:00:59x01 2010"},
	{"Mon Jan _2 15:04:05.000 2006", "Thu Feb  4 23:00:59.xxx 2010"},
	{"Mon Jan _2 15:04:05.000 2006", "Thu Feb  4 23:00:59.-123 2010"},
	{time.StampNano, "Dec  7 11:22:01.000000"},
	{time.StampNano, "Dec  7 11:22:01.0000000000"},
	{time.RFC3339, "2006-01-02T15:04:05Z07:00"},
	{time.RFC3339, "2006-01-02T15:04_abc"},
	{time.RFC3339, "2006-01-02T15:04:05_abc"},
	{time.RFC3339, "2006-01-02T15:04:05Z_abc"},
	{time.RFC3339, "2010-02-04T21:00:67.012345678-08:00"},
	{time.RFC3339, "0000-01-01T00:00:.0+00:00"},
	{"_2 Jan 06 15:04 MST", "4 --- 00 00:00 GMT"},
	{"_2 January 06 15:04 MST", "4 --- 00 00:00 GMT"},
	{"Jan _2 002 2006", "Feb  4 034 2006"},
	{"Jan _2 002 2006", "Feb  4 004 2006"},
	{"Jan _2 002 2006", "Feb  4 035 2006"},
	{`"2006-01-02T15:04:05Z07:00"`, "0"},
	{time.RFC3339, "\""},
	{time.RFC3339, "0000-01-01T00:00:00+00:+0"},
	{time.RFC3339, "0000-01-01T00:00:00+-0:00"},
	{"2006-01-02", "22-10-25"},
	{"06-01-02", "a2-10-25"},
	{"03:04PM", "12:03pM"},
	{"03:04pm", "12:03pM"},
	{"-07", "-25"},
	{"-07:00", "+25:00"},
	{"-07:00", "-23:61"},
	{"-07:00:00", "+23:59:61"},
	{"Z07", "-25"},
	{"Z07:00", "+25:00"},
	{"Z07:00", "-23:61"},
	{"Z07:00:00", "+23:59:61"},
	{"-0700", "*0800"},
	{"-0700", "+08"},
	{"-0700", "+0x00"},
	{"-07:00", "+08-00"},
	{"2006-01-02T15:04:05Z07:00", "2010-02-04T21:00:57+05:30"},
	{"2006-01-02 15:04:05 -07:00:00", "2010-02-04 21:00:57 -04:56:02"},
	{"2006-01-02 15:04:05 -07:00:00", "1850-02-04 21:00:57 -04:56:02"},
	{"2006-01-02 15:04:05 MST", "1850-02-04 21:00:57 LMT"},
	{"2006-01-02 15:04:05 MST", "2010-02-04 21:00:57 IST"},
	{"2006-01-02 15:04:05 MST", "2010-07-04 21:00:57 IST"},
	{"2006-01-02 15:04:05 MST", "2010-07-04 21:00:57 BST"},
	{"2006-01-02 15:04:05 MST", "2010-07-04 21:00:57 GMT"},
	{"2006-01-02 15:04:05 MST", "2010-02-04 21:00:57 UTC"},
	{"2006-01-02 15:04:05 MST", "2010-02-04 21:00:57 utc"},
	{"Jan", "jan"},
	{"Jan", "JANUARY"},
	{"January", "Jan"},
	{"Mon", "mOn"},
	{".000", ".123"},
	{"05.000000000", "07.123456789"},
	{"05.0000000000", "07.1234567891"},
	{"5", "7.5"},
	{"15:04:05.999999999Z07:00", "12:00:00.5Z"},
}

var durations = []string{
	"", "0", "-0", "+0", "1h", "1h30m", "-1h30m", "1.5h", "90m", "1s", "1ms", "1us", "1µs",
	"1μs", "1ns", "1d", "1w", "1y", "1", "h", ".5s", "5.s", ".s", "1.5.5s", "1h-1m", "1H",
	"1hh", " 1h", "1h ", "2562047h47m16.854775807s", "2562047h47m16.854775808s",
	"-2562047h47m16.854775808s", "9223372036854775807ns", "9223372036854775808ns",
	"0.000000001s", "0.0000000001s", "1.0000000001s", "1e3s", "0x10s", "１h", "1h2m3s4ms5us6ns",
	"3000000h", "+-1h", "--1h", "1mo", "4.56789s", "-.5h", "0.3333333333333333333h",
	"100000000000000000000000000000ns", "10.000000000000000000000000000001s",
}

var durationValues = []int64{
	0, 1, 999, 1000, 1001, 999999, 1000000, 1500000, 999999999, 1e9, 1e9 + 1, 59e9, 60e9,
	61e9, 3599e9, 3600e9, 3601e9, 86400e9, 9223372036854775807, -9223372036854775808, -1,
	-1500000, -3601e9, 123456789012345, 1<<53 + 1,
}

// formatCase is one instant in one zone, formatted with each of output.Layouts.
type formatCase struct {
	Unix int64    `json:"unix"`
	Nsec int64    `json:"nsec"`
	Zone string   `json:"zone"`
	Outs []string `json:"outs"`
}

type timeCase struct {
	Unix   int64  `json:"unix"`
	Nsec   int64  `json:"nsec"`
	Zone   string `json:"zone"`
	String string `json:"string"`
	// Calendar fields and other methods, for checking the calendar arithmetic.
	Fields string `json:"fields"`
}

type parseCase struct {
	Layout string `json:"layout"`
	Value  string `json:"value"`
	Zone   string `json:"zone"`
	// "unix nsec|zone name offset|location name", or the error.
	Out string `json:"out,omitempty"`
	Err string `json:"err,omitempty"`
}

type durationCase struct {
	In  string `json:"in"`
	Ns  int64  `json:"ns"`
	Err string `json:"err,omitempty"`
}

type durationString struct {
	Ns  int64  `json:"ns"`
	Out string `json:"out"`
	// Hours, Minutes, Seconds as Go prints them with %v.
	Units string `json:"units"`
}

type roundCase struct {
	Unix  int64  `json:"unix"`
	Nsec  int64  `json:"nsec"`
	D     int64  `json:"d"`
	Round string `json:"round"`
	Trunc string `json:"trunc"`
}

type output struct {
	Layouts         []string         `json:"layouts"`
	Format          []formatCase     `json:"format"`
	Times           []timeCase       `json:"times"`
	Parse           []parseCase      `json:"parse"`
	Durations       []durationCase   `json:"durations"`
	DurationStrings []durationString `json:"duration_strings"`
	Rounds          []roundCase      `json:"rounds"`
}

func load(name string) *time.Location {
	if name == "UTC" {
		return time.UTC
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

func describe(t time.Time) string {
	name, off := t.Zone()
	return fmt.Sprintf("%d %d|%s %d|%s", t.Unix(), t.Nanosecond(), name, off, t.Location())
}

func main() {
	out := output{Layouts: layouts}
	for _, z := range zones {
		loc := load(z)
		for _, in := range instants {
			t := time.Unix(in[0], in[1]).In(loc)
			y, m, d := t.Date()
			h, mi, s := t.Clock()
			iy, iw := t.ISOWeek()
			out.Times = append(out.Times, timeCase{in[0], in[1], z, t.String(),
				fmt.Sprintf("%d %d %d %d %d %d %d %d %d %d %v %d %d %d", y, m, d, h, mi, s,
					t.Weekday(), t.YearDay(), iy, iw, t.IsDST(), t.UnixMilli(), t.UnixMicro(), t.UnixNano())})
			if z != "UTC" && z != "America/New_York" && z != "Australia/Lord_Howe" && z != "Asia/Kolkata" {
				continue
			}
			fc := formatCase{Unix: in[0], Nsec: in[1], Zone: z}
			for _, l := range layouts {
				fc.Outs = append(fc.Outs, t.Format(l))
			}
			out.Format = append(out.Format, fc)
		}
	}
	for _, z := range []string{"UTC", "America/New_York", "Europe/Dublin", "Asia/Kolkata"} {
		loc := load(z)
		for _, c := range parseCases {
			t, err := time.ParseInLocation(c[0], c[1], loc)
			pc := parseCase{Layout: c[0], Value: c[1], Zone: z}
			if err != nil {
				pc.Err = err.Error()
			} else {
				pc.Out = describe(t)
			}
			out.Parse = append(out.Parse, pc)
		}
	}
	for _, s := range durations {
		d, err := time.ParseDuration(s)
		dc := durationCase{In: s, Ns: int64(d)}
		if err != nil {
			dc.Err = err.Error()
		}
		out.Durations = append(out.Durations, dc)
	}
	for _, n := range durationValues {
		d := time.Duration(n)
		out.DurationStrings = append(out.DurationStrings, durationString{n, d.String(),
			fmt.Sprintf("%v %v %v %d %d", d.Hours(), d.Minutes(), d.Seconds(), d.Milliseconds(), d.Microseconds())})
	}
	for _, in := range instants {
		for _, d := range []int64{1, 3, 7, 1000, 1e6 + 1, 1e9, 60e9, 3600e9, 86400e9, 7435029458905025217, 0, -5} {
			t := time.Unix(in[0], in[1]).UTC()
			out.Rounds = append(out.Rounds, roundCase{in[0], in[1], d,
				describe(t.Round(time.Duration(d))), describe(t.Truncate(time.Duration(d)))})
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
