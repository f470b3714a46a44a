//! Phrase runs: the text between two block boundaries, across inline elements, folded as a
//! reader sees it and scanned for the lexicon's phrases, which are credited to the element that
//! holds the run (and to a link that is a label of its own inside a short run).

use super::{Row, State};
use crate::category::Category;
use crate::rules::lexicon;
use crate::text::decode_entities;
use crate::tuning::{SHORT_RUN_WORDS, STRONG_SIGN, WEAK_SIGN};

impl State {
    /// Scans the run of text that a block boundary just ended, and credits its phrase hits to
    /// the element that holds the whole run.
    pub(super) fn flush_run(&mut self) {
        let depth = std::mem::replace(&mut self.run_depth, usize::MAX);
        let too_long = std::mem::take(&mut self.run_too_long);
        let links = std::mem::take(&mut self.run_links);
        self.run_edge = false;
        self.run_number = self.run_number.wrapping_add(1);
        if self.run.trim().is_empty() || too_long {
            self.run.clear();
            return;
        }
        let run = std::mem::take(&mut self.run);
        let owner = depth
            .checked_sub(1)
            .and_then(|d| self.stack.get(d))
            .map(|o| o.ordinal as usize);
        // The run folded as a reader sees it, piece by piece so that each link's words keep
        // their place in it.
        let mut folded = String::with_capacity(run.len());
        let mut spans = Vec::with_capacity(links.len());
        let mut at = 0;
        let mut links = links;
        links.sort_unstable_by_key(|&(_, start, _)| start);
        for (ordinal, start, end) in links {
            let (Some(before), Some(text)) = (run.get(at..start), run.get(start..end)) else {
                continue; // A link inside a link: the outer one speaks.
            };
            lexicon::fold(&decode_entities(before), &mut folded);
            let from = folded.len();
            lexicon::fold(&decode_entities(text), &mut folded);
            spans.push((ordinal, from, folded.len()));
            at = end;
        }
        lexicon::fold(&decode_entities(run.get(at..).unwrap_or("")), &mut folded);
        let lead = folded.len() - folded.trim_start().len();
        let text = folded.trim();
        // In a short run, a link beside other words ("Start your Substack Get the app",
        // "Follow us on Facebook") is a label of its own too: its words speak for it as they do
        // for the run. In a sentence a link is a word of the sentence ("make sure to follow us
        // on Instagram to stay up to date").
        let short = lexicon::word_count(text) <= SHORT_RUN_WORDS;
        if short {
            for (ordinal, from, to) in spans {
                let (from, to) = (
                    from.saturating_sub(lead),
                    to.saturating_sub(lead).min(text.len()),
                );
                let Some(label) = text.get(from..to) else {
                    continue;
                };
                if label.trim() == text || Some(ordinal as usize) == owner {
                    continue;
                }
                if let Some(row) = self.rows.get_mut(ordinal as usize) {
                    // (Its row is sealed: what it is credited stays its own.)
                    credit_phrases(row, label.trim());
                }
            }
        }
        if let Some(row) = owner.and_then(|o| self.rows.get_mut(o)) {
            credit_phrases(row, text);
            if short && lexicon::is_offer(text) {
                row.offers = row.offers.saturating_add(1);
            }
            if lexicon::is_consent(text) {
                row.consents = row.consents.saturating_add(1);
            }
            if lexicon::is_colophon(text) {
                row.colophons = row.colophons.saturating_add(1);
            }
        }
        self.run = run;
        self.run.clear();
    }

    /// A link's edges part words in the run, as its box does on screen: "Start your Substack"
    /// and "Get the app" side by side are two labels, not "SubstackGet". (Only letters and
    /// digits that would run together are parted: "a member?" keeps its question mark.)
    pub(super) fn separate_run_words(&mut self) {
        self.run_edge = true;
    }
}

/// Credits a row with the phrases a run of folded text says.
fn credit_phrases(row: &mut Row, folded: &str) {
    let short = lexicon::word_count(folded) <= SHORT_RUN_WORDS;
    lexicon::scan_at(folded, |i, at| {
        let phrase = &lexicon::PHRASES[i];
        // A weak word in a sentence is a mention; in a label or button it speaks. A rail's or
        // a share bar's words are a heading's or a label's ("Read more: …"): in the middle of a
        // sentence they describe.
        let heading_words = matches!(phrase.category, Category::Related | Category::Social);
        let label = short || (heading_words && at == 0);
        // (A phrase's weight is the points it gives the judge: a strong one is a strong sign.)
        let weight = match phrase.strength {
            lexicon::Strength::Strong if label || !heading_words => STRONG_SIGN,
            lexicon::Strength::Weak if label => WEAK_SIGN,
            _ => return,
        };
        let weight = u16::try_from(weight).unwrap_or(u16::MAX);
        let slot = &mut row.phrase_weight[phrase.category.index()];
        *slot = slot.saturating_add(weight);
        if row.first_phrase.is_none() {
            row.first_phrase = u16::try_from(i).ok();
        }
    });
}
