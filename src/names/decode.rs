//! Viterbi decoding under the BIO constraints, and tag marginals (forward-backward) for confidences.

use super::model::{allowed, NT};

/// O and the B- tags: the tags any tag may precede.
const OPEN: [usize; 5] = [0, 1, 3, 5, 7];

/// The start and transition scores of a model prepared once for many sentences: the transitions masked by
/// the BIO constraints for Viterbi, and their potentials for forward-backward. Preparing them costs 90
/// exponentials, which per sentence was a large part of tagging a short one (the tagger keeps one per
/// model and thread). It also keeps its working memory from one sentence to the next.
#[derive(Clone)]
pub struct Decoder {
    start: [f32; NT],
    trans: [[f32; NT]; NT],
    temperature: f32,
    /// `trans` with disallowed moves at minus infinity.
    masked: [[f32; NT]; NT],
    /// `1 / temperature`, and the start and transition potentials (scaled so the largest is 1), or `None`
    /// when some allowed move's potential would underflow (then marginals are computed in log space).
    potentials: Option<(f32, [f32; NT], [[f32; NT]; NT])>,
    /// Viterbi's back pointers, and forward-backward's emission potentials and forward probabilities.
    back: Vec<[u8; NT]>,
    pot: Vec<[f32; NT]>,
    alpha: Vec<[f32; NT]>,
}

impl Decoder {
    /// Prepares start and transition scores, with `temperature` for the marginals.
    pub fn new(start: &[f32; NT], trans: &[[f32; NT]; NT], temperature: f32) -> Decoder {
        let mut masked = [[f32::NEG_INFINITY; NT]; NT];
        for p in 0..NT {
            for y in 0..NT {
                if allowed(Some(p), y) {
                    masked[p][y] = trans[p][y];
                }
            }
        }
        let inv = 1.0 / temperature.max(1e-3);
        let tmax = trans
            .iter()
            .flatten()
            .chain(start.iter())
            .fold(f32::NEG_INFINITY, |m, &x| m.max(x));
        let mut et = [[0f32; NT]; NT];
        let mut st = [0f32; NT];
        let mut ok = true;
        for y in 0..NT {
            if allowed(None, y) {
                st[y] = ((start[y] - tmax) * inv).exp();
                ok &= st[y] >= 1e-25;
            }
            for p in 0..NT {
                if allowed(Some(p), y) {
                    et[p][y] = ((trans[p][y] - tmax) * inv).exp();
                    ok &= et[p][y] >= 1e-25;
                }
            }
        }
        Decoder {
            start: *start,
            trans: *trans,
            temperature,
            masked,
            potentials: ok.then_some((inv, st, et)),
            back: Vec::new(),
            pot: Vec::new(),
            alpha: Vec::new(),
        }
    }

    /// True when this decoder was prepared from these scores.
    pub fn prepared_for(
        &self,
        start: &[f32; NT],
        trans: &[[f32; NT]; NT],
        temperature: f32,
    ) -> bool {
        self.start == *start && self.trans == *trans && self.temperature == temperature
    }

    /// The best tag sequence for per-token `emissions` (one score per tag).
    pub fn viterbi(&mut self, emissions: &[[f32; NT]]) -> Vec<usize> {
        let n = emissions.len();
        if n == 0 {
            return Vec::new();
        }
        // Disallowed moves score minus infinity (same argmax: a disallowed or unreachable predecessor never
        // beats the first reachable one).
        let tm = &self.masked;
        let back = &mut self.back;
        back.clear();
        back.resize(n, [0u8; NT]);
        let mut cur = [f32::NEG_INFINITY; NT];
        for y in 0..NT {
            if allowed(None, y) {
                cur[y] = self.start[y] + emissions[0][y];
            }
        }
        for t in 1..n {
            // For each tag the first predecessor with the strictly best score, predecessors in order and
            // selects instead of branches. O and the B- tags ([`OPEN`]) may follow any tag; an I- tag only the
            // B- or I- tag of its label (`allowed`): its other predecessors score minus infinity, which never
            // wins, so leaving them out changes nothing (a test checks against all pairs). 53 sums a token
            // instead of 81.
            let mut best = [f32::NEG_INFINITY; NT];
            let mut arg = [0u8; NT];
            for p in 0..NT {
                let c = cur[p];
                for y in OPEN {
                    let s = c + tm[p][y];
                    let better = s > best[y];
                    best[y] = if better { s } else { best[y] };
                    arg[y] = if better { p as u8 } else { arg[y] };
                }
            }
            for y in (2..NT).step_by(2) {
                for p in [y - 1, y] {
                    let s = cur[p] + tm[p][y];
                    if s > best[y] {
                        best[y] = s;
                        arg[y] = p as u8;
                    }
                }
            }
            for y in 0..NT {
                cur[y] = best[y] + emissions[t][y];
            }
            back[t] = arg;
        }
        let mut y = (0..NT).fold(0, |b, y| if cur[y] > cur[b] { y } else { b });
        let mut path = vec![0usize; n];
        for t in (0..n).rev() {
            path[t] = y;
            y = back[t][y] as usize;
        }
        path
    }

    /// Per-token tag probabilities of the sequence model with potentials `exp(score / temperature)`;
    /// disallowed BIO moves have probability 0.
    ///
    /// Runs forward-backward in probability space (f32, each step normalised; nine exponentials a token),
    /// and falls back to the log-space version ([`marginals_log`]) when the scores are too spread for that.
    pub fn marginals(&mut self, emissions: &[[f32; NT]]) -> Vec<[f32; NT]> {
        let mut out = Vec::new();
        self.marginals_within(emissions, 0..emissions.len(), &mut out);
        out
    }

    /// [`Decoder::marginals`] of the tokens in `within` only, into `out` (one row a token; the rows outside
    /// `within` are left at 0). The forward pass stops at the end of `within` and the backward pass at its
    /// start; each row inside is exactly the one [`Decoder::marginals`] computes. (The log-space fallback is
    /// taken when a step the range needs is out of range for f32; for the whole sentence it would also be
    /// taken for a step outside it, a case the dev texts never show.)
    pub fn marginals_within(
        &mut self,
        emissions: &[[f32; NT]],
        within: std::ops::Range<usize>,
        out: &mut Vec<[f32; NT]>,
    ) {
        let n = emissions.len();
        out.clear();
        out.resize(n, [0f32; NT]);
        if within.is_empty() || within.end > n {
            return;
        }
        let (lo, hi) = (within.start, within.end - 1);
        let Some((inv, st, et)) = &self.potentials else {
            return self.fallback(emissions, within, out);
        };
        let ett: [[f32; NT]; NT] = std::array::from_fn(|y| std::array::from_fn(|p| et[p][y]));
        let inv = *inv;
        // Emission potentials, shifted by each token's best score (so the best is 1, none overflows).
        let pot = &mut self.pot;
        pot.clear();
        pot.extend(emissions.iter().map(|e| {
            let m = e.iter().cloned().fold(f32::NEG_INFINITY, max_f32);
            let mut o = [0f32; NT];
            for y in 0..NT {
                o[y] = exp_nonpositive((e[y] - m) * inv);
            }
            o
        }));
        fn norm(v: &mut [f32; NT]) -> bool {
            let s: f32 = v.iter().sum();
            if s > 0.0 && s.is_finite() {
                let r = 1.0 / s;
                v.iter_mut().for_each(|x| *x *= r);
                true
            } else {
                false
            }
        }
        let alpha = &mut self.alpha;
        alpha.clear();
        alpha.resize(hi + 1, [0f32; NT]);
        for y in 0..NT {
            alpha[0][y] = st[y] * pot[0][y];
        }
        let mut ok = norm(&mut alpha[0]);
        for t in 1..=hi {
            if !ok {
                break;
            }
            let mut a = [0f32; NT];
            for p in 0..NT {
                let ap = alpha[t - 1][p];
                for y in 0..NT {
                    a[y] += ap * et[p][y];
                }
            }
            for y in 0..NT {
                a[y] *= pot[t][y];
            }
            ok = norm(&mut a);
            alpha[t] = a;
        }
        let mut beta = [1f32; NT];
        let mut t = n - 1;
        while ok {
            if t <= hi {
                let mut m = [0f32; NT];
                for y in 0..NT {
                    m[y] = alpha[t][y] * beta[y];
                }
                ok = norm(&mut m);
                out[t] = m;
            }
            if t == lo || !ok {
                break;
            }
            let mut pb = [0f32; NT];
            for y in 0..NT {
                pb[y] = pot[t][y] * beta[y];
            }
            // b[p] = sum over y of et[p][y] * pb[y], with y outside so the nine p go side by side.
            let mut b = [0f32; NT];
            for y in 0..NT {
                let v = pb[y];
                for p in 0..NT {
                    b[p] += ett[y][p] * v;
                }
            }
            ok = norm(&mut b);
            beta = b;
            t -= 1;
        }
        if !ok {
            self.fallback(emissions, within, out);
        }
    }

    /// The log-space marginals of the tokens in `within`.
    fn fallback(
        &self,
        emissions: &[[f32; NT]],
        within: std::ops::Range<usize>,
        out: &mut [[f32; NT]],
    ) {
        let all = marginals_log(emissions, &self.start, &self.trans, self.temperature);
        out[within.clone()].copy_from_slice(&all[within]);
    }
}

/// The best tag sequence for per-token `emissions` (one score per tag), given start and transition scores
/// (see [`Decoder::viterbi`]; prepare a [`Decoder`] once to decode many sentences).
pub fn viterbi(emissions: &[[f32; NT]], start: &[f32; NT], trans: &[[f32; NT]; NT]) -> Vec<usize> {
    Decoder::new(start, trans, 1.0).viterbi(emissions)
}

/// Per-token tag probabilities (see [`Decoder::marginals`]; prepare a [`Decoder`] once for many sentences).
pub fn marginals(
    emissions: &[[f32; NT]],
    start: &[f32; NT],
    trans: &[[f32; NT]; NT],
    temperature: f32,
) -> Vec<[f32; NT]> {
    Decoder::new(start, trans, temperature).marginals(emissions)
}

/// [`marginals`] in log space: slower (81 exponentials a token) but safe for any score range.
pub fn marginals_log(
    emissions: &[[f32; NT]],
    start: &[f32; NT],
    trans: &[[f32; NT]; NT],
    temperature: f32,
) -> Vec<[f32; NT]> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let inv = 1.0 / temperature.max(1e-3);
    let mut lt = [[NEG; NT]; NT];
    for p in 0..NT {
        for y in 0..NT {
            if allowed(Some(p), y) {
                lt[p][y] = trans[p][y] * inv;
            }
        }
    }
    let lse = |v: &[f32; NT]| -> f32 {
        let m = v.iter().cloned().fold(NEG, f32::max);
        if m == NEG {
            return NEG;
        }
        m + v.iter().map(|x| (x - m).exp()).sum::<f32>().ln()
    };
    let mut alpha = vec![[NEG; NT]; n];
    for y in 0..NT {
        if allowed(None, y) {
            alpha[0][y] = (start[y] + emissions[0][y]) * inv;
        }
    }
    for t in 1..n {
        for y in 0..NT {
            let mut v = [NEG; NT];
            for p in 0..NT {
                v[p] = alpha[t - 1][p] + lt[p][y];
            }
            alpha[t][y] = lse(&v) + emissions[t][y] * inv;
        }
    }
    let mut beta = [0f32; NT];
    let mut out = vec![[0f32; NT]; n];
    for t in (0..n).rev() {
        let mut m = [NEG; NT];
        for y in 0..NT {
            m[y] = alpha[t][y] + beta[y];
        }
        let z = lse(&m);
        for y in 0..NT {
            out[t][y] = if z.is_finite() {
                (m[y] - z).exp()
            } else {
                1.0 / NT as f32
            };
        }
        if t > 0 {
            let mut b = [NEG; NT];
            for p in 0..NT {
                let mut v = [NEG; NT];
                for y in 0..NT {
                    v[y] = lt[p][y] + emissions[t][y] * inv + beta[y];
                }
                b[p] = lse(&v);
            }
            beta = b;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn probability_space_agrees_with_log_space() {
        let mut seed = 1u64;
        let mut rnd = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 200.0
        };
        for (temp, n) in [(24.0, 30), (8.0, 5), (1.0, 12), (24.0, 1)] {
            let em: Vec<[f32; NT]> = (0..n).map(|_| std::array::from_fn(|_| rnd())).collect();
            let start: [f32; NT] = std::array::from_fn(|_| rnd() / 10.0);
            let trans: [[f32; NT]; NT] =
                std::array::from_fn(|_| std::array::from_fn(|_| rnd() / 10.0));
            let a = marginals(&em, &start, &trans, temp);
            let b = marginals_log(&em, &start, &trans, temp);
            for (x, y) in a.iter().zip(&b) {
                for k in 0..NT {
                    assert!((x[k] - y[k]).abs() < 1e-3, "T {temp}: {x:?} vs {y:?}");
                }
            }
        }
    }

    /// Viterbi over all pairs of tags, as written before it used the shape of the BIO constraints.
    fn viterbi_all_pairs(
        em: &[[f32; NT]],
        start: &[f32; NT],
        trans: &[[f32; NT]; NT],
    ) -> Vec<usize> {
        let mut cur: [f32; NT] = std::array::from_fn(|y| {
            if allowed(None, y) {
                start[y] + em[0][y]
            } else {
                f32::NEG_INFINITY
            }
        });
        let mut back = vec![[0usize; NT]; em.len()];
        for t in 1..em.len() {
            let mut next = [f32::NEG_INFINITY; NT];
            for y in 0..NT {
                for p in 0..NT {
                    let s = if allowed(Some(p), y) {
                        cur[p] + trans[p][y]
                    } else {
                        f32::NEG_INFINITY
                    };
                    if s > next[y] {
                        next[y] = s;
                        back[t][y] = p;
                    }
                }
                next[y] += em[t][y];
            }
            cur = next;
        }
        let mut y = (0..NT).fold(0, |b, y| if cur[y] > cur[b] { y } else { b });
        let mut path = vec![0; em.len()];
        for t in (0..em.len()).rev() {
            path[t] = y;
            y = back[t][y];
        }
        path
    }

    #[test]
    fn viterbi_agrees_with_all_pairs() {
        for p in 0..NT {
            for y in 0..NT {
                let shape = y == 0 || y % 2 == 1 || (p != 0 && (p == y - 1 || p == y));
                assert_eq!(allowed(Some(p), y), shape, "{p} -> {y}");
            }
        }
        let mut seed = 3u64;
        let mut rnd = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 20.0
        };
        for n in [1, 2, 5, 30] {
            for _ in 0..50 {
                // Some scores forbidden outright (as `forbid_impossible_tags` does), some ties.
                let em: Vec<[f32; NT]> = (0..n)
                    .map(|_| {
                        std::array::from_fn(|_| match rnd() {
                            x if x > 8.0 => -1.0e4,
                            x if x < -8.0 => 0.0,
                            x => x.round(),
                        })
                    })
                    .collect();
                let start: [f32; NT] = std::array::from_fn(|_| rnd().round());
                let trans: [[f32; NT]; NT] =
                    std::array::from_fn(|_| std::array::from_fn(|_| rnd().round()));
                assert_eq!(
                    viterbi(&em, &start, &trans),
                    viterbi_all_pairs(&em, &start, &trans)
                );
            }
        }
    }

    #[test]
    fn viterbi_respects_bio() {
        // I-PERSON scores best everywhere, but may not start a sentence or follow O.
        let em = vec![[0.0, 1.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]; 3];
        let path = viterbi(&em, &[0.0; NT], &[[0.0; NT]; NT]);
        assert_eq!(path, [1, 2, 2]);
    }
}

/// The larger of two scores, as a comparison (see [`exp_nonpositive`]).
#[inline(always)]
fn max_f32(a: f32, b: f32) -> f32 {
    if b > a {
        b
    } else {
        a
    }
}

/// `e^x` for `x <= 0` (0 below -87, where `e^x` is no longer a normal `f32`), within a few ulp of
/// `f32::exp`. Nine of these a token are most of the confidence computation; in WebAssembly the libm `exp`
/// was about 4% of all annotation time. This is a range reduction and one polynomial without branches or
/// tables (2^k is built in the exponent bits), so the nine of a token vectorise.
#[inline(always)]
fn exp_nonpositive(x: f32) -> f32 {
    const LN2_HI: f32 = 0.693_145_75;
    const LN2_LO: f32 = 1.428_606_8e-6;
    // Adding 1.5 * 2^23 rounds to an integer held in the low mantissa bits.
    const MAGIC: f32 = 12_582_912.0;
    // `clamp` compares; `f32::max`/`min` would be calls to `fmaxf`/`fminf` in WebAssembly (their NaN rules
    // differ from the instructions'), which showed in the profile.
    let xc = x.clamp(-87.0, 0.0);
    let t = xc * std::f32::consts::LOG2_E + MAGIC;
    let k = t - MAGIC;
    let r = (xc - k * LN2_HI) - k * LN2_LO; // |r| <= ln(2)/2
                                            // Taylor series of e^r to r^8 (the next term is below 1e-9 of the sum), highest power first.
    const C: [f32; 9] = [
        1.0 / 40320.0,
        1.0 / 5040.0,
        1.0 / 720.0,
        1.0 / 120.0,
        1.0 / 24.0,
        1.0 / 6.0,
        0.5,
        1.0,
        1.0,
    ];
    let mut p = C[0];
    for c in &C[1..] {
        p = p * r + c;
    }
    // k = bits(t) - bits(MAGIC), an integer in [-126, 0]; 2^k has biased exponent k + 127.
    let scale = f32::from_bits(t.to_bits().wrapping_sub(MAGIC.to_bits()).wrapping_add(127) << 23);
    let v = p * scale;
    if x < -87.0 {
        0.0
    } else {
        v
    }
}

#[cfg(test)]
mod exp_tests {
    use super::exp_nonpositive;

    #[test]
    fn exp_matches_the_standard_library() {
        let mut x = 0.0f32;
        while x > -90.0 {
            let (a, b) = (exp_nonpositive(x), x.exp());
            assert!(
                (a - b).abs() <= 4.0 * f32::EPSILON * b || (b < 1e-37 && a < 1e-37),
                "{x}: {a} vs {b}"
            );
            x -= 0.0137;
        }
        assert_eq!(exp_nonpositive(0.0), 1.0);
        assert_eq!(exp_nonpositive(f32::NEG_INFINITY), 0.0);
    }
}

#[cfg(test)]
mod within_tests {
    use super::*;

    #[test]
    fn marginals_within_a_range_are_those_of_the_whole_sentence() {
        let mut seed = 7u64;
        let mut rnd = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 40.0
        };
        let em: Vec<[f32; NT]> = (0..12).map(|_| std::array::from_fn(|_| rnd())).collect();
        let start: [f32; NT] = std::array::from_fn(|_| rnd() / 10.0);
        let trans: [[f32; NT]; NT] = std::array::from_fn(|_| std::array::from_fn(|_| rnd() / 10.0));
        let mut d = Decoder::new(&start, &trans, 8.0);
        let all = d.marginals(&em);
        let mut out = Vec::new();
        for (lo, hi) in [(0, 12), (0, 1), (11, 12), (3, 7), (5, 6)] {
            d.marginals_within(&em, lo..hi, &mut out);
            assert_eq!(out.len(), em.len());
            for t in lo..hi {
                assert_eq!(out[t], all[t], "token {t} of {lo}..{hi}");
            }
        }
        d.marginals_within(&em, 3..3, &mut out);
        assert!(out.iter().all(|r| *r == [0.0; NT]));
        assert!(d.prepared_for(&start, &trans, 8.0) && !d.prepared_for(&start, &trans, 4.0));
    }
}
