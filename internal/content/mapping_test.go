package content

import "testing"

func TestMappingNamesMissingField(t *testing.T) {
	const dir = "content/articles/"
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"csv column present, written otherwise", map[string]string{
			dir + "x.csv":      "title,Pub Date,text\nA,2022-05-13,x\n",
			dir + "x.csv.yaml": "date: pub_date\n",
		}, nil},
		{"csv column missing", map[string]string{
			dir + "x.csv":      "title,pub_date,text\nA,2022-05-13,x\n",
			dir + "x.csv.yaml": "title: title\ndate: pubdat\n",
		}, []string{
			dir + `x.csv.yaml:2:7: field "pubdat" is not a column of x.csv (columns: title, pub_date, text; did you mean "pub_date"?)`,
		}},
		{"tsv column missing, nothing near", map[string]string{
			dir + "x.tsv":     "title\ttext\nA\tx\n",
			dir + "x.tsv.yml": "outlet:   provider\n",
		}, []string{
			dir + `x.tsv.yml:1:11: field "provider" is not a column of x.tsv (columns: title, text)`,
		}},
		{"jsonl field in some records", map[string]string{
			dir + "x.jsonl":      `{"text": "x"}` + "\n" + `{"text": "y", "meta": {"issued": "2022-05-13"}}` + "\n",
			dir + "x.jsonl.yaml": "date: meta.issued\n",
		}, nil},
		{"jsonl field in no record", map[string]string{
			dir + "x.jsonl":      `{"text": "x", "meta": {"issue": "2022-05-13"}}` + "\n" + `{"text": "y"}` + "\n",
			dir + "x.jsonl.yaml": "text: text\ndate: meta.issued\n",
		}, []string{
			dir + `x.jsonl.yaml:2:7: field "meta.issued" is in no record of x.jsonl (fields: meta.issue, text; did you mean "meta.issue"?)`,
		}},
		{"json array field in no record", map[string]string{
			dir + "x.json":      `{"results": [{"body": "x", "webTitle": "T"}]}`,
			dir + "x.json.yaml": "title: web_title\ntext: bodytext\n",
		}, []string{
			dir + `x.json.yaml:2:7: field "bodytext" is in no record of x.json (fields: body, webTitle; did you mean "body"?)`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := loadFiles(t, tt.files)
			checkLines(t, tt.name, lines(diags.Errors()), tt.want)
		})
	}
}
