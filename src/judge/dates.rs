//! Dates as a page writes them ("July 18, 2025", "18. Juli 2025", "13/11/2025 09:21",
//! "2025-01-29T20:47:55Z") turned into ISO dates; relative dates ("2 hours ago") are not dates.

/// Month names and abbreviations in the lexicon's languages, lower case, with their numbers.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
];

/// English day names and their abbreviations, lower case.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Whether a word names a month or a day of the week ("Sat", "Dec.").
pub fn is_calendar_word(word: &str) -> bool {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    month(&w).is_some() || WEEKDAYS.contains(&w.as_str())
}

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, m)| m)
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A declared date (JSON-LD, `<meta>`, `<time datetime>`): kept as written when it starts with an
/// ISO date, otherwise read as a printed date.
pub fn normalize(value: &str) -> Option<String> {
    let v = value.trim();
    let b = v.as_bytes();
    let iso = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit);
    if iso {
        let (y, m, d) = (num(&v[..4])?, num(&v[5..7])?, num(&v[8..10])?);
        return valid(y, m, d).map(|_| v.to_owned());
    }
    printed(v, true)
}

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

/// A year as a page prints it after the day: four digits, maybe run into what follows
/// ("2025]", "2025.", "2026Product" where the markup puts no space).
fn year(word: &str) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    (digits == 4).then(|| num(&word[..4])).flatten()
}

/// The first date printed in a piece of text ("Published on July 18, 2025 · 6 min read"), as
/// `YYYY-MM-DD`. `month_first` reads an ambiguous `09/08/2025` as September 8 (English pages).
pub fn printed(text: &str, month_first: bool) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '·' || c == '•')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| c == '(' || c == ')');
        // A machine date printed as it is ("2022-11-23T08:10+02:00").
        if w.len() > 10 && w.as_bytes()[10] == b'T' {
            if let Some(d) = w.get(..10).and_then(normalize) {
                return Some(d);
            }
        }
        // Numeric: 2025-07-18, 2025/07/18, 18.07.2025, 18/07/2025, 07/18/2025.
        let parts: Vec<&str> = w.split(['-', '/', '.']).filter(|p| !p.is_empty()).collect();
        if parts.len() == 3 && parts.iter().all(|p| p.bytes().all(|c| c.is_ascii_digit())) {
            let n: Vec<u32> = parts.iter().filter_map(|p| num(p)).collect();
            if n.len() == 3 {
                let found = if parts[0].len() == 4 {
                    valid(n[0], n[1], n[2])
                } else if parts[2].len() == 4 {
                    let (a, b) = (n[0], n[1]);
                    if a > 12 || w.contains('.') || (!month_first && b <= 12) {
                        valid(n[2], b, a)
                    } else {
                        valid(n[2], a, b)
                    }
                } else {
                    None
                };
                if found.is_some() {
                    return found;
                }
            }
        }
        // Month name: "July 18 2025", "18 July 2025", "18. Juli 2025", "18 de julio de 2025".
        if let Some(m) = month(w) {
            let next: Vec<&str> = words[i + 1..]
                .iter()
                .copied()
                .filter(|x| *x != "de" && *x != "del")
                .take(2)
                .collect();
            let prev = words[..i]
                .iter()
                .rev()
                .find(|x| **x != "de" && **x != "del")
                .map(|x| x.trim_end_matches(|c: char| c == '.' || c.is_ascii_alphabetic()));
            let day_before = prev.and_then(num).filter(|d| *d <= 31);
            let day_after = next
                .first()
                .and_then(|x| num(x.trim_end_matches(|c: char| c.is_alphabetic() || c == '.')));
            let year_at = |k: usize| next.get(k).and_then(|x| year(x));
            // (A year before the month is a citation's order: "2023 Jan 7".)
            let year_before = words[..i]
                .last()
                .filter(|x| x.len() == 4)
                .and_then(|x| year(x));
            let found = match (day_before, day_after) {
                (Some(d), _) => next
                    .first()
                    .and_then(|x| year(x))
                    .and_then(|y| valid(y, m, d)),
                (None, Some(d)) if d <= 31 => year_before
                    .or_else(|| year_at(1))
                    .and_then(|y| valid(y, m, d)),
                _ => None,
            };
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// What follows a date that opens the text ("Dec 17, 2025Julian K. Arni" gives "Julian K.
/// Arni"): the text after the year, when every word before the year is a month or a day.
pub fn after_leading_date(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let at = (0..b.len().saturating_sub(3)).find(|&i| {
        b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })?;
    let before = text.get(..at)?;
    let date_words = before
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == '/' || c == '-')
        .filter(|w| !w.is_empty())
        .all(|w| {
            // (A day with its suffix, "18th"; a word of letters alone is no day.)
            let day = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            month(w).is_some() || (!day.is_empty() && day.bytes().all(|c| c.is_ascii_digit()))
        });
    // (A name starts with a capital: "5 min read" or "11:30 am" after the year is no name.)
    let rest = text
        .get(at + 4..)?
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let named = rest.chars().next().is_some_and(char::is_uppercase);
    (date_words && !before.trim().is_empty() && named).then_some(rest)
}

/// Days between two dates that start with `YYYY-MM-DD` (civil calendar), if both do.
pub fn days_apart(a: &str, b: &str) -> Option<u32> {
    fn day_number(s: &str) -> Option<i64> {
        let (y, m, d): (i64, i64, i64) = (
            s.get(..4)?.parse().ok()?,
            s.get(5..7)?.parse().ok()?,
            s.get(8..10)?.parse().ok()?,
        );
        // Days from civil (proleptic Gregorian), shifted so March is the first month.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146_097 + doe)
    }
    Some(day_number(a)?.abs_diff(day_number(b)?) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_as_pages_print_them() {
        assert_eq!(
            printed("Published on July 18, 2025", true).as_deref(),
            Some("2025-07-18")
        );
        assert_eq!(printed("Feb 08, 2022", true).as_deref(), Some("2022-02-08"));
        assert_eq!(
            printed("13/11/2025 09:21:40", true).as_deref(),
            Some("2025-11-13")
        );
        assert_eq!(
            printed("Thu, 09/25/2025 - 11:38", true).as_deref(),
            Some("2025-09-25")
        );
        assert_eq!(
            printed("18. Juli 2025", false).as_deref(),
            Some("2025-07-18")
        );
        assert_eq!(
            printed("18 de julio de 2025", false).as_deref(),
            Some("2025-07-18")
        );
        assert_eq!(printed("03/04/2025", false).as_deref(), Some("2025-04-03"));
        assert_eq!(printed("03/04/2025", true).as_deref(), Some("2025-03-04"));
        assert_eq!(
            printed("Dec. 19, 2025", true).as_deref(),
            Some("2025-12-19")
        );
        assert_eq!(
            printed("[Submitted on 18 Dec 2025]", true).as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(
            printed("Last updated: November 13, 2025", true).as_deref(),
            Some("2025-11-13")
        );
        assert_eq!(
            printed("Posted on April 13, 2023", true).as_deref(),
            Some("2023-04-13")
        );
        assert_eq!(
            printed("January 5, 2026Product", true).as_deref(),
            Some("2026-01-05")
        );
        assert_eq!(
            after_leading_date("Dec 17, 2025Julian K. Arni"),
            Some("Julian K. Arni")
        );
        assert_eq!(
            after_leading_date("Oleg Parashchak Jan 3, 2024 · 5 min"),
            None
        );
        assert_eq!(after_leading_date("Jul 18, 2025 · 5 min read"), None);
        assert_eq!(
            after_leading_date("Dec. 19, 2025 · Niko Matsakis on behalf of the team"),
            Some("Niko Matsakis on behalf of the team")
        );
        // A name is no day: "jsteinhardt" before the date is not part of it.
        assert_eq!(
            after_leading_date("jsteinhardt 18th Dec 2025 AI Alignment Forum"),
            None
        );
        assert_eq!(
            printed("18th Dec 2025", true).as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(normalize("2023 Jan 7").as_deref(), Some("2023-01-07"));
        assert_eq!(
            printed("Nick van Mead 2022-11-23T08:10+02:00", true).as_deref(),
            Some("2022-11-23")
        );
        assert_eq!(printed("2 hours ago", true), None);
        assert_eq!(printed("May the force", true), None);
        assert_eq!(
            normalize("2025-01-29T20:47:55+00:00").as_deref(),
            Some("2025-01-29T20:47:55+00:00")
        );
        assert_eq!(normalize("Oct 31, 2025").as_deref(), Some("2025-10-31"));
        assert_eq!(normalize("yesterday"), None);
        assert_eq!(days_apart("2025-12-19T02:41:41Z", "2025-12-18"), Some(1));
        assert_eq!(days_apart("2024-03-01", "2024-02-28"), Some(2));
    }
}
