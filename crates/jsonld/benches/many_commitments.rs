//! The JSON-LD writer on one statement with many commitments, at 1× and 4×: the time
//! should grow four times, not sixteen (each commitment's quote finds its paragraph by
//! eId in an index built once a statement).
//!
//! `cargo bench -p communique-jsonld --bench many_commitments`.

use communique_jsonld::JsonLdSerializer;
use communique_model::{Commitment, CommitmentKind, Method, Paragraph, ParagraphKind, Span, Statement};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// Commitments (and paragraphs, one commitment each) of the 1× input.
const BASE: usize = 12_500;

/// One statement with `n` paragraphs of one commitment each.
fn statement(n: usize) -> Statement {
    let text = "The Allies will act together and stand united.";
    let (start, end) = (16, 26);
    let paragraphs = (0..n)
        .map(|i| Paragraph {
            id: format!("para_{}", i + 1),
            number: None,
            kind: ParagraphKind::Body,
            text: text.to_owned(),
            speaker: None,
            source_span: None,
        })
        .collect();
    let commitments = (0..n)
        .map(|i| {
            Commitment::new(
                format!("para_{}__cmt_1", i + 1),
                format!("para_{}", i + 1),
                Span::new(start, end),
                "act togeth",
                CommitmentKind::Pledge,
                Method::rule("bench"),
            )
        })
        .collect();
    Statement { id: "many-commitments".into(), paragraphs, commitments, ..Statement::default() }
}

fn many_commitments(c: &mut Criterion) {
    let mut group = c.benchmark_group("jsonld/one statement, many commitments");
    group.sample_size(10);
    for factor in [1, 4] {
        let statement = statement(BASE * factor);
        statement.validate().expect("a valid statement");
        let serializer = JsonLdSerializer::default();
        group.throughput(Throughput::Elements(statement.commitments.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("prepare", format!("{factor}x")),
            &statement,
            |b, statement| {
                b.iter(|| black_box(serializer.prepare(black_box(statement))));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, many_commitments);
criterion_main!(benches);
