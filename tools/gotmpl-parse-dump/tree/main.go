// Records Go 1.25 behaviour for kelm-gotmpl's parser tests; see ../record.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"text/template/parse"
)

type Case struct {
	Name     string   `json:"name"`
	Text     string   `json:"text"`
	Left     string   `json:"left"`
	Right    string   `json:"right"`
	Comments bool     `json:"comments"`
	SkipFunc bool     `json:"skipfunc"`
	Funcs    []string `json:"funcs"`
}

type TreeOut struct {
	Name   string `json:"name"`
	String string `json:"string"`
	Dump   string `json:"dump"`
}

type Out struct {
	Err   *string   `json:"err"`
	Trees []TreeOut `json:"trees"`
}

var builtinNames = []string{"and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt", "ne", "not", "or", "print", "printf", "println", "slice", "urlquery", "contains", "fn", "upper"}

func fb(f float64) string { return fmt.Sprintf("%016x", math.Float64bits(f)) }

func dump(sb *strings.Builder, n parse.Node) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			sb.WriteString("nil")
			return
		}
		fmt.Fprintf(sb, "List(%d)[", n.Pos)
		for i, c := range n.Nodes {
			if i > 0 {
				sb.WriteString(" ")
			}
			dump(sb, c)
		}
		sb.WriteString("]")
	case *parse.TextNode:
		fmt.Fprintf(sb, "Text(%d,%s)", n.Pos, strconv.Quote(string(n.Text)))
	case *parse.CommentNode:
		fmt.Fprintf(sb, "Comment(%d,%s)", n.Pos, strconv.Quote(n.Text))
	case *parse.ActionNode:
		fmt.Fprintf(sb, "Action(%d,%d,", n.Pos, n.Line)
		dump(sb, n.Pipe)
		sb.WriteString(")")
	case *parse.IfNode:
		branch(sb, "If", &n.BranchNode)
	case *parse.RangeNode:
		branch(sb, "Range", &n.BranchNode)
	case *parse.WithNode:
		branch(sb, "With", &n.BranchNode)
	case *parse.TemplateNode:
		fmt.Fprintf(sb, "Template(%d,%d,%s,", n.Pos, n.Line, strconv.Quote(n.Name))
		if n.Pipe == nil {
			sb.WriteString("nil")
		} else {
			dump(sb, n.Pipe)
		}
		sb.WriteString(")")
	case *parse.BreakNode:
		fmt.Fprintf(sb, "Break(%d,%d)", n.Pos, n.Line)
	case *parse.ContinueNode:
		fmt.Fprintf(sb, "Continue(%d,%d)", n.Pos, n.Line)
	case *parse.PipeNode:
		fmt.Fprintf(sb, "Pipe(%d,%d,%t,[", n.Pos, n.Line, n.IsAssign)
		for i, v := range n.Decl {
			if i > 0 {
				sb.WriteString(" ")
			}
			dump(sb, v)
		}
		sb.WriteString("],[")
		for i, c := range n.Cmds {
			if i > 0 {
				sb.WriteString(" ")
			}
			dump(sb, c)
		}
		sb.WriteString("])")
	case *parse.CommandNode:
		fmt.Fprintf(sb, "Cmd(%d)[", n.Pos)
		for i, a := range n.Args {
			if i > 0 {
				sb.WriteString(" ")
			}
			dump(sb, a)
		}
		sb.WriteString("]")
	case *parse.IdentifierNode:
		fmt.Fprintf(sb, "Ident(%d,%s)", n.Pos, n.Ident)
	case *parse.DotNode:
		fmt.Fprintf(sb, "Dot(%d)", n.Pos)
	case *parse.NilNode:
		fmt.Fprintf(sb, "Nil(%d)", n.Pos)
	case *parse.BoolNode:
		fmt.Fprintf(sb, "Bool(%d,%t)", n.Pos, n.True)
	case *parse.NumberNode:
		fmt.Fprintf(sb, "Num(%d,%s,%t%t%t%t,%d,%d,%s,%s,%s)", n.Pos, n.Text, n.IsInt, n.IsUint, n.IsFloat, n.IsComplex,
			n.Int64, n.Uint64, fb(n.Float64), fb(real(n.Complex128)), fb(imag(n.Complex128)))
	case *parse.StringNode:
		fmt.Fprintf(sb, "Str(%d,%s,%s)", n.Pos, n.Quoted, strconv.QuoteToASCII(n.Text))
	case *parse.FieldNode:
		fmt.Fprintf(sb, "Field(%d,%s)", n.Pos, strings.Join(n.Ident, "/"))
	case *parse.VariableNode:
		fmt.Fprintf(sb, "Var(%d,%s)", n.Pos, strings.Join(n.Ident, "/"))
	case *parse.ChainNode:
		fmt.Fprintf(sb, "Chain(%d,", n.Pos)
		dump(sb, n.Node)
		fmt.Fprintf(sb, ",%s)", strings.Join(n.Field, "/"))
	default:
		fmt.Fprintf(sb, "?%T", n)
	}
}

func branch(sb *strings.Builder, kind string, b *parse.BranchNode) {
	fmt.Fprintf(sb, "%s(%d,%d,", kind, b.Pos, b.Line)
	dump(sb, b.Pipe)
	sb.WriteString(",")
	dump(sb, b.List)
	sb.WriteString(",")
	dump(sb, b.ElseList)
	sb.WriteString(")")
}

func run(c Case) (out Out) {
	defer func() {
		if r := recover(); r != nil {
			s := fmt.Sprintf("PANIC: %v", r)
			out = Out{Err: &s}
		}
	}()
	funcs := map[string]any{}
	for _, n := range builtinNames {
		funcs[n] = fmt.Sprint
	}
	for _, n := range c.Funcs {
		funcs[n] = fmt.Sprint
	}
	t := parse.New(c.Name)
	if c.Comments {
		t.Mode |= parse.ParseComments
	}
	if c.SkipFunc {
		t.Mode |= parse.SkipFuncCheck
	}
	treeSet := map[string]*parse.Tree{}
	_, err := t.Parse(c.Text, c.Left, c.Right, treeSet, funcs)
	if err != nil {
		s := err.Error()
		return Out{Err: &s}
	}
	names := make([]string, 0, len(treeSet))
	for n := range treeSet {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		var sb strings.Builder
		dump(&sb, treeSet[n].Root)
		out.Trees = append(out.Trees, TreeOut{Name: n, String: treeSet[n].Root.String(), Dump: sb.String()})
	}
	return out
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for sc.Scan() {
		var c Case
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			panic(err)
		}
		b, _ := json.Marshal(run(c))
		w.Write(b)
		w.WriteString("\n")
	}
}
