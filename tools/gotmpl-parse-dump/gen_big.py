# A large random corpus for differential runs: token soup, mutations of the hand-written
# cases, random characters in actions, random numbers. Usage: gen_big.py SEED COUNT
import json, os, random, sys
seed = int(sys.argv[1]); count = int(sys.argv[2])
random.seed(seed)
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gen_cases.py')).read().split("# random token soup")[0])  # the hand-written cases
base = [c["text"] for c in cases]
cases.clear()
frags = ["{{", "}}", "{{- ", " -}}", "{{-", "-}}", " ", "  ", "\n", "\t", "\r", "x", "if ", "else ", "end", "range ", "with ", "define ", "block ",
 "template ", "break", "continue", "$x", "$y", "$", "$x := ", "$x = ", "$i, $e := ", ", ", ",", ":=", "=", ":", "|", " | ", "(", ")", ".", ".A", ".B.C", "..", "\"s\"",
 "\"a b\"", "\"\\", "`raw`", "`", "'c'", "'\\n'", "'", "1", "-1", "1.5", "0x1F", "1e3", "2i", "1+2i", "0b1", "0o7", "1_0", "nil", "true", "false", "print ", "printf ", "len ", "foo ",
 "/*", "*/", "/* c */", "{{/* c */}}", "{{end}}", "{{else}}", "{{if .}}", "{{range .}}", "{{with .}}", "{{.}}", "{{$x := 1}}", "{{define \"d\"}}",
 "{{block \"b\" .}}", "{{template \"t\"}}", "#", "é", "\u00a0", "\u2028", "3k", "\\", "-", "+", "!", "@", "~", "[", "]", "{", "}", "%", "^", "&", "*", ";", "<", ">", "?", "\x00", "\x7f", "日本"]
chars = "{}()|$.,:=-+ \n\t\"'`\\/*#abcdefxyzABCXP0123456789_éλ日\u00a0"
nums = ["0","1","-1","+1","1.5","-0","0x","0x1p4","1e5","1e+5","1e-5","1_0","0b101","0o17","017","08","1i","1+2i","1-2i","0x1.8p1","1e400","99999999999999999999",".5","5.","0x_1","1__0"]
def numgen():
    if random.random() < 0.5: return random.choice(nums)
    return "".join(random.choice("0123456789xobeEpP_.+-i") for _ in range(random.randint(1, 8)))
for i in range(count):
    r = random.random()
    if r < 0.35:
        t = "".join(random.choice(frags) for _ in range(random.randint(1, 16)))
    elif r < 0.55:
        t = random.choice(base)
        for _ in range(random.randint(1, 3)):
            if not t: t = random.choice(chars); continue
            p = random.randint(0, len(t) - 1); op = random.random()
            if op < 0.33: t = t[:p] + t[p+1:]
            elif op < 0.66: t = t[:p] + random.choice(chars) + t[p:]
            else: t = t[:p] + random.choice(frags) + t[p:]
    elif r < 0.7:
        t = "{{" + "".join(random.choice(chars) for _ in range(random.randint(0, 10))) + random.choice(["}}", " }}", " -}}", "", "}"])
    elif r < 0.8:
        t = "{{" + random.choice(["", "print ", "$x := ", "if "]) + " ".join(numgen() for _ in range(random.randint(1, 3))) + random.choice(["}}{{end}}", "}}"])
    else:
        t = random.choice(base) + random.choice(base)
    name = random.choice(["t", "t", "a", "d", "b"])
    l, rr = "", ""
    if random.random() < 0.1:
        l, rr = random.choice([("<<", ">>"), ("[[", "]]"), ("(", ")"), ("{{", "}}}"), ("-", "-"), ("{%", "%}")])
        t = t.replace("{{", l).replace("}}", rr) if random.random() < 0.7 else t
    funcs = random.choice([[], [], [], ["break"], ["continue"], ["foo"]])
    cases.append(dict(name=name, text=t, left=l, right=rr, comments=random.random() < 0.2, skipfunc=random.random() < 0.1, funcs=funcs))
for c in cases: print(json.dumps(c))
