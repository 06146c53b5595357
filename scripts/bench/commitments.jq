# Peer: JSON Lines -> the commitments table only, as CSV rows (jq's @csv).
# usage: jq -r -f commitments.jq INPUT.jsonl  (the header row is printed by the caller)
.id as $statement
| .commitments // [] | to_entries[]
| .key as $i | .value
| [$statement, $i + 1, .id, .paragraph, .span.start, .span.end, .quote, .kind,
   .actor // "", .actor_resolved // "", .addressee // "", .cue // "", .intensifier // "",
   (.future_oriented // false), (.conditional // false), .method.type, .method.rule // "",
   .method.codebook // "", .method.annotator // ""]
| @csv
