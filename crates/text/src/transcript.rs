//! Transcripts: a briefing or a press conference printed turn by turn. When the page's
//! layout says how a turn opens (the `[transcript]` table of a layout file: a speaker's
//! label such as "MS. JEAN-PIERRE:", a reporter's "Q"), each paragraph gets the speaker
//! of the turn it belongs to, the label is taken off its text, and a reporter's question
//! becomes a `question` paragraph, which the codebook does not code: a question put to
//! the issuer is no position of the issuer's. One reader for plain text and Markdown.

use crate::layouts::Transcript;

/// What a paragraph's opening says of its turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Turn {
    /// The speaker of the turn the paragraph belongs to, if known.
    pub speaker: Option<String>,
    /// The turn is a reporter's question.
    pub question: bool,
    /// Byte length of the label (and the white space after it) that opens the
    /// paragraph's text; 0 when the paragraph goes on with the turn before it.
    pub label: usize,
}

/// Reads the turns of a transcript, paragraph after paragraph.
#[derive(Debug)]
pub(crate) struct Turns<'t> {
    transcript: &'t Transcript,
    speaker: Option<String>,
    question: bool,
}

impl<'t> Turns<'t> {
    /// A reader at the start of a transcript whose turns open as `transcript` says.
    pub(crate) fn new(transcript: &'t Transcript) -> Self {
        Self { transcript, speaker: None, question: false }
    }

    /// The turn of the next paragraph, whose text is `text`: a new turn when the text
    /// opens with a label (and words after it), else the turn before it goes on.
    pub(crate) fn read(&mut self, text: &str) -> Turn {
        let labelled = |pattern: &regex::Regex| {
            let caps = pattern.captures(text)?;
            let end = caps.get(0)?.end();
            let speaker = caps.name("speaker")?.as_str().trim();
            (!speaker.is_empty() && !text[end..].trim().is_empty()).then(|| (speaker.to_owned(), end))
        };
        if let Some((speaker, end)) = labelled(&self.transcript.question) {
            self.speaker = Some(speaker);
            self.question = true;
            return Turn { speaker: self.speaker.clone(), question: true, label: end };
        }
        if let Some((speaker, end)) = labelled(&self.transcript.speaker) {
            self.speaker = Some(speaker);
            self.question = false;
            return Turn { speaker: self.speaker.clone(), question: false, label: end };
        }
        Turn { speaker: self.speaker.clone(), question: self.question, label: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transcript_of(id: &str) -> &'static Transcript {
        let layout = crate::layouts::all().iter().find(|l| l.id == id).expect("the layout");
        layout.transcript.as_ref().expect("its transcript table")
    }

    #[test]
    fn turns_of_talks_with_titled_speakers() {
        // Labels as the Kremlin prints them: a title and a name, a name alone, a question
        // from the floor with its asker in brackets.
        let mut turns = Turns::new(transcript_of("titled-speakers"));
        let turn = turns.read("President of Arvelia Tomas Halvorsen: Mr President, colleagues,");
        assert_eq!(
            (turn.speaker.as_deref(), turn.question, turn.label),
            (Some("President of Arvelia Tomas Halvorsen"), false, 38)
        );
        let turn = turns.read("We have agreed on a programme for the coming year.");
        assert_eq!((turn.speaker.as_deref(), turn.label), (Some("President of Arvelia Tomas Halvorsen"), 0));
        let turn = turns.read("Prime Minister Ana Ruiz (retranslated): Thank you.");
        assert_eq!(turn.speaker.as_deref(), Some("Prime Minister Ana Ruiz (retranslated)"));
        let turn = turns.read("Vladimir Putin: Thank you very much.");
        assert_eq!(turn.speaker.as_deref(), Some("Vladimir Putin"));
        // Titles with several "of", names with hyphens and letters beyond ASCII.
        let turn =
            turns.read("President of the Republic of Kestria Anna-Maria Vučić (retranslated): Thank you.");
        assert_eq!(
            turn.speaker.as_deref(),
            Some("President of the Republic of Kestria Anna-Maria Vučić (retranslated)")
        );
        let turn = turns.read("Kassym-Jomart Tokayev: Thank you.");
        assert_eq!(turn.speaker.as_deref(), Some("Kassym-Jomart Tokayev"));
        let turn = turns.read("Question (Channel One): Mr President, a question on gas.");
        assert_eq!((turn.speaker.as_deref(), turn.question), (Some("Question (Channel One)"), true));
        // A sentence that merely holds a colon opens no turn.
        let turn = turns.read("The essence of these conditions is as follows: a ceasefire at noon.");
        assert_eq!(
            (turn.speaker.as_deref(), turn.question, turn.label),
            (Some("Question (Channel One)"), true, 0)
        );
    }

    #[test]
    fn turns_of_a_briefing() {
        let mut turns = Turns::new(transcript_of("whitehouse-transcript"));
        let turn = turns.read("MS. JEAN-PIERRE:  Hi.  Good afternoon, everybody.");
        assert_eq!(
            (turn.speaker.as_deref(), turn.question, turn.label),
            (Some("MS. JEAN-PIERRE"), false, 18)
        );
        let turn = turns.read("John Kirby has joined us.");
        assert_eq!((turn.speaker.as_deref(), turn.question, turn.label), (Some("MS. JEAN-PIERRE"), false, 0));
        let turn = turns.read("Q    Hi, Karine.");
        assert_eq!((turn.speaker.as_deref(), turn.question, turn.label), (Some("Q"), true, 5));
        let turn = turns.read("And a follow-up on gas prices?");
        assert!(turn.question);
        let turn = turns.read("THE PRESIDENT:\u{a0} Thank you.");
        assert_eq!((turn.speaker.as_deref(), turn.question), (Some("THE PRESIDENT"), false));
        // A label with no words after it opens nothing.
        let turn = turns.read("Q");
        assert_eq!((turn.question, turn.label), (false, 0));
    }
}
