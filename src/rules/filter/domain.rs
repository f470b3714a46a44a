//! Rule domains: `a.com,b.org` (subdomains match), `~a.com` (negation), `site.*` (any TLD).

/// The domains a rule is limited to; empty means generic (every site).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Domains {
    include: Vec<String>,
    exclude: Vec<String>,
}

impl Domains {
    /// Parses the part before `##` / `#@#`.
    pub fn parse(spec: &str) -> Domains {
        let mut d = Domains::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part.strip_prefix('~') {
                Some(neg) => d.exclude.push(neg.to_ascii_lowercase()),
                None => d.include.push(part.to_ascii_lowercase()),
            }
        }
        d
    }

    /// A rule for every site (possibly with exclusions).
    pub fn is_generic(&self) -> bool {
        self.include.is_empty()
    }

    /// Whether the rule applies on a page host (`None`: a page with no known URL, where only
    /// generic rules apply).
    pub fn applies(&self, host: Option<&str>) -> bool {
        let Some(host) = host else {
            return self.include.is_empty();
        };
        if self.exclude.iter().any(|d| matches(d, host)) {
            return false;
        }
        self.include.is_empty() || self.include.iter().any(|d| matches(d, host))
    }
}

/// `example.com` matches `example.com` and `www.example.com`; `example.*` matches
/// `example.co.uk` and `news.example.de`.
fn matches(domain: &str, host: &str) -> bool {
    let host = host.trim_end_matches('.');
    let is_suffix = |d: &str| {
        host.len() >= d.len()
            && host[host.len() - d.len()..].eq_ignore_ascii_case(d)
            && (host.len() == d.len() || host.as_bytes()[host.len() - d.len() - 1] == b'.')
    };
    match domain.strip_suffix(".*") {
        // `stem.*`: some label of the host is `stem` and at least one label follows it.
        Some(stem) => {
            let labels: Vec<&str> = host.split('.').collect();
            labels
                .iter()
                .take(labels.len().saturating_sub(1))
                .any(|l| l.eq_ignore_ascii_case(stem))
        }
        None => is_suffix(domain),
    }
}

#[cfg(test)]
mod tests {
    use super::Domains;

    #[test]
    fn subdomains_negation_and_wildcard_tlds() {
        let d = Domains::parse("example.com,~shop.example.com,news.*");
        assert!(d.applies(Some("www.example.com")));
        assert!(!d.applies(Some("shop.example.com")));
        assert!(d.applies(Some("news.co.uk")));
        assert!(!d.applies(Some("notexample.com")));
        assert!(!d.applies(None));
        assert!(Domains::parse("").applies(None));
        assert!(!Domains::parse("~a.com").applies(Some("a.com")));
    }
}
