// Command tfjson reads Terraform JSON documents (plans and states, as `terraform show -json` writes
// them) with HashiCorp's own Go types for that format, github.com/hashicorp/terraform-json, and
// says, per file, whether the library accepts it: the format version is one it supports, every
// value has the type the library gives it, and no object holds a key the library does not know.
// The checker's golden fixtures are held to it (test/cli/golden-plans.test.ts), so that the plan
// reader is tested against the format as Terraform's maintainers model it, not only against this
// project's idea of it.
//
// Usage: go run . FILE... ; prints one JSON line per file: {"file", "kind", "problems"}.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// Keys Terraform writes that terraform-json v0.29 does not model yet: Terraform 1.8 added
// "applyable" and "errored" beside "complete" at the top of a plan (internal/command/jsonplan).
var unmodelled = map[string]bool{"applyable": true, "errored": true}

type result struct {
	File     string   `json:"file"`
	Kind     string   `json:"kind"`
	Problems []string `json:"problems"`
}

func main() {
	out := json.NewEncoder(os.Stdout)
	for _, file := range os.Args[1:] {
		if err := out.Encode(check(file)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}

func check(file string) result {
	res := result{File: file, Problems: []string{}}
	text, err := os.ReadFile(file)
	if err != nil {
		res.Problems = append(res.Problems, err.Error())
		return res
	}
	var raw map[string]any
	if err := json.Unmarshal(text, &raw); err != nil {
		res.Problems = append(res.Problems, "not a JSON object: "+err.Error())
		return res
	}
	var typed any
	_, isPlan := raw["planned_values"]
	if _, changes := raw["resource_changes"]; changes || isPlan {
		res.Kind = "plan"
		plan := &tfjson.Plan{}
		if err := json.Unmarshal(text, plan); err != nil {
			res.Problems = append(res.Problems, "terraform-json refuses it as a plan: "+err.Error())
			return res
		}
		if err := plan.Validate(); err != nil {
			res.Problems = append(res.Problems, err.Error())
		}
		typed = plan
	} else {
		res.Kind = "state"
		state := &tfjson.State{}
		if err := json.Unmarshal(text, state); err != nil {
			res.Problems = append(res.Problems, "terraform-json refuses it as a state: "+err.Error())
			return res
		}
		if err := state.Validate(); err != nil {
			res.Problems = append(res.Problems, err.Error())
		}
		typed = state
	}
	// A key the library does not model is dropped when it decodes the document: encode what it
	// read and compare the keys with the file's.
	again, err := json.Marshal(typed)
	if err != nil {
		res.Problems = append(res.Problems, err.Error())
		return res
	}
	var back map[string]any
	decoder := json.NewDecoder(bytes.NewReader(again))
	decoder.UseNumber()
	if err := decoder.Decode(&back); err != nil {
		res.Problems = append(res.Problems, err.Error())
		return res
	}
	res.Problems = append(res.Problems, missingKeys("", raw, back)...)
	sort.Strings(res.Problems)
	return res
}

// missingKeys lists the keys of `given` (at any depth) that `read` lacks, leaving out empty values,
// which the library omits when it encodes them again.
func missingKeys(path string, given any, read any) []string {
	var problems []string
	switch g := given.(type) {
	case map[string]any:
		r, _ := read.(map[string]any)
		for key, value := range g {
			here := path + "/" + key
			if path == "" && unmodelled[key] {
				continue
			}
			other, ok := r[key]
			if !ok {
				if !empty(value) {
					problems = append(problems, fmt.Sprintf("%s: terraform-json has no such key", here))
				}
				continue
			}
			problems = append(problems, missingKeys(here, value, other)...)
		}
	case []any:
		r, _ := read.([]any)
		for i, value := range g {
			if i < len(r) {
				problems = append(problems, missingKeys(fmt.Sprintf("%s[%d]", path, i), value, r[i])...)
			}
		}
	}
	return problems
}

func empty(value any) bool {
	switch v := value.(type) {
	case nil:
		return true
	case bool:
		return !v
	case string:
		return v == ""
	case map[string]any:
		return len(v) == 0
	case []any:
		return len(v) == 0
	}
	return strings.TrimSpace(fmt.Sprint(value)) == "0"
}
