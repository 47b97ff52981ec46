package calc

import (
	"math"

	"github.com/hashswitch/hashswitch/wasm/netdata"
	"reflect"
	"strconv"
)

// OpenAPIPath is the endpoint that describes every calculator.
const OpenAPIPath = Prefix + "openapi.json"

// OpenAPI returns the OpenAPI 3.1 description of every calculator,
// generated from the registry: each parameter with its range, default and
// meaning, each result with the type and meaning of every field. The docs
// cannot drift from the code because they are the code.
func OpenAPI() map[string]any {
	paths := map[string]any{}
	schemas := map[string]any{
		"Error": object(map[string]any{
			"error": object(map[string]any{
				"field":   map[string]any{"type": "string", "description": "the parameter to fix; empty when the problem is not one parameter"},
				"message": map[string]any{"type": "string", "description": "what is wrong, in words"},
			}, []string{"field", "message"}, ""),
		}, []string{"error"}, "A request the calculator cannot answer"),
	}
	for _, c := range registry {
		m := c.Info()
		t := c.Table()
		name := schemaName(t.Type)
		schemas[name] = schemaOf(t.Type, t.Fields, schemas)
		examples := make([]Values, len(m.Examples))
		for i, e := range m.Examples {
			examples[i], _ = ParseQuery(e)
		}
		params := make([]any, len(m.Params))
		for i, p := range m.Params {
			params[i] = parameter(p, examples)
		}
		desc := m.Summary
		for _, e := range m.Examples {
			desc += "\n\nExample: `" + Prefix + m.Name + "?" + e + "`"
		}
		paths[Prefix+m.Name] = map[string]any{"get": map[string]any{
			"operationId": m.Name,
			"summary":     m.Title,
			"description": desc,
			"parameters":  params,
			"responses": map[string]any{
				"200": jsonResponse("The answer", "#/components/schemas/"+name),
				"400": jsonResponse("A parameter is missing or bad, or given twice; the error names it. "+
					"Its field is empty only when inputs each within range "+tooLarge+" (the message names the result)", "#/components/schemas/Error"),
			},
		}}
	}
	paths[OpenAPIPath] = map[string]any{"get": map[string]any{
		"operationId": "openapi",
		"summary":     "This description",
		"responses": map[string]any{"200": map[string]any{
			"description": "OpenAPI 3.1",
			"content":     map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}},
		}},
	}}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "Hashswitch calculators",
			"version": "1",
			"summary": "Bitcoin mining economics and consensus arithmetic as URLs",
			"description": "Every calculator of the site is a URL: query parameters in, JSON out. " +
				"The same Go answers in the page's WebAssembly, natively and at the edge. " +
				"Satoshi amounts are integers; 256-bit values are 64 lowercase hex digits, big-endian. " +
				"A bad or missing parameter answers 400 with the field it names; so does a parameter given twice.\n\n" +
				"Numbers are also accepted as people write them (each number parameter says which forms it takes): " +
				"thousands grouped with commas or spaces (`85,000`, `85 000`), an exponent (`149.3e12`), " +
				"a k, M, B or T suffix (`85k`, `1.5M`), a leading `$` where the unit is dollars (`$85k`), " +
				"and a trailing `%` where the unit is a percentage (`5%`). Whole numbers take grouped thousands only. " +
				"Links should use the plain form (`price=85000`).\n\n" +
				"Examples: each operation's parameters carry named examples (`request1`, `request2`, …); " +
				"the values under one name, taken together, are a complete request that answers 200 " +
				"(a parameter without a value under that name is left out). " +
				"A parameter schema's `examples` are those of `request1`.",
		},
		"paths":      paths,
		"components": map[string]any{"schemas": schemas},
	}
}

func jsonResponse(description, ref string) map[string]any {
	return map[string]any{
		"description": description,
		"content":     map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": ref}}},
	}
}

// parameter describes one query parameter, with its values in the
// operation's example requests (examples[i] is request i+1).
func parameter(p Param, examples []Values) map[string]any {
	schema := map[string]any{}
	switch p.Type {
	case Number:
		schema["type"] = "number"
	case Integer:
		schema["type"] = "integer"
	default:
		schema["type"] = "string"
	}
	if p.Pattern != "" && len(p.Enum) == 0 {
		schema["pattern"] = p.Pattern
	}
	if p.Type != Text {
		if p.Range.MinOpen {
			schema["exclusiveMinimum"] = jsonNumber(p.Range.Min)
		} else {
			schema["minimum"] = jsonNumber(p.Range.Min)
		}
		schema["maximum"] = jsonNumber(p.Range.Max)
	}
	if len(p.Enum) > 0 {
		enum := make([]any, len(p.Enum))
		for i, e := range p.Enum {
			enum[i] = e
		}
		schema["enum"] = enum
	}
	if d := p.DefaultValue(); d != "" {
		schema["default"] = typedValue(p.Type, d)
	}
	named := map[string]any{}
	for i, ex := range examples {
		if v, ok := ex[p.Name]; ok && len(v) == 1 {
			name := "request" + strconv.Itoa(i+1)
			named[name] = map[string]any{"summary": "in " + name, "value": typedValue(p.Type, v[0])}
			if i == 0 {
				schema["examples"] = []any{typedValue(p.Type, v[0])}
			}
		}
	}
	desc := p.Description()
	if forms := p.NumberForms(); forms != "" {
		desc += ". " + forms
	}
	out := map[string]any{"name": p.Name, "in": "query", "required": p.Required(), "description": desc, "schema": schema}
	if len(named) > 0 {
		out["examples"] = named
	}
	return out
}

// Description says what a parameter is, in its unit, for the docs.
func (p Param) Description() string {
	desc := p.Label
	if p.Unit != "" {
		desc += ", " + string(p.Unit)
	}
	if p.Doc != "" {
		desc += ": " + p.Doc
	}
	if p.Alt != "" {
		desc += ". Required unless " + p.Alt + " is given; give one, not both"
	}
	switch {
	case p.Snapshot && p.From != nil:
		desc += ". Default " + p.DefaultValue() + ", from the newest committed snapshot (" + netdata.Committed().AsOf + ")"
	case p.Default != "":
		desc += ". Default " + p.Default
	}
	return desc
}

// typedValue is a parameter's value as the JSON type of its schema.
func typedValue(t Type, s string) any {
	if t != Text {
		if x, err := strconv.ParseFloat(s, 64); err == nil {
			return jsonNumber(x)
		}
	}
	return s
}

// jsonNumber keeps whole numbers integers, so 1e9 is written 1000000000.
func jsonNumber(x float64) any {
	if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
		return int64(x)
	}
	return x
}

func schemaName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Name()
}

// schemaOf describes a Go type as JSON Schema: structs by their fields
// (the Table's), pointers as nullable (or, with omitempty, as absent),
// named structs once under components.
func schemaOf(t reflect.Type, fields []Field, schemas map[string]any) map[string]any {
	switch t.Kind() {
	case reflect.Pointer:
		s := schemaOf(t.Elem(), fields, schemas)
		return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.Int, reflect.Int64:
		return map[string]any{"type": "integer"}
	case reflect.Int32:
		return map[string]any{"type": "integer", "minimum": math.MinInt32, "maximum": math.MaxInt32}
	case reflect.Uint32:
		return map[string]any{"type": "integer", "minimum": 0, "maximum": math.MaxUint32}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), fields, schemas)}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem(), fields, schemas)}
	case reflect.Struct:
		props := map[string]any{}
		var required []string
		for i := range fields {
			f := &fields[i]
			ft := f.Type
			if f.OmitEmpty && ft.Kind() == reflect.Pointer {
				ft = ft.Elem() // absent when nil, never null
			}
			var s map[string]any
			if inner := elem(ft); inner.Kind() == reflect.Struct && inner.Name() != "" {
				if _, done := schemas[inner.Name()]; !done {
					schemas[inner.Name()] = nil // a placeholder against recursion
					schemas[inner.Name()] = schemaOf(inner, f.Fields, schemas)
				}
				s = map[string]any{"$ref": "#/components/schemas/" + inner.Name()}
				if ft.Kind() == reflect.Pointer {
					s = map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
				}
			} else {
				s = schemaOf(ft, f.Fields, schemas)
			}
			if d := f.Description(); d != "" {
				s["description"] = d
			}
			props[f.Name] = s
			if !f.OmitEmpty {
				required = append(required, f.Name)
			}
		}
		return object(props, required, "")
	}
	return map[string]any{}
}

func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func object(props map[string]any, required []string, description string) map[string]any {
	o := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = required
	}
	if description != "" {
		o["description"] = description
	}
	return o
}
