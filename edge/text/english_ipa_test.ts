import assert from "node:assert/strict";
import { englishToIpa } from "./english_ipa.ts";

// Expected values follow eng_to_ipa by hand: CMU phones through its symbol
// table (ah → ə, ey → eɪ, er → ər, …), no stress marks on one-syllable words,
// the stress mark moved before the stressed syllable's onset, then
// english_to_ipa2's r → ɹ and dark l before a consonant or word end.

Deno.test("englishToIpa() transcribes one-syllable words without stress marks", () => {
  // cat K AE1 T ; dog D AO1 G ; the: variants ðə / ði, sorted, last = ðə
  assert.equal(englishToIpa("cat dog the").ipa, "kæt dɔg ðə");
});

Deno.test("englishToIpa() moves stress before the onset", () => {
  // water W AO1 T ER0: ˈw ɔ t ər → ˈwɔtəɹ
  assert.equal(englishToIpa("water").ipa, "ˈwɔtəɹ");
  // about AH0 B AW1 T: stress moves before the stop b → əˈbaʊt
  assert.equal(englishToIpa("about").ipa, "əˈbaʊt");
  // monkey M AH1 NG K IY0 → ˈməŋki
  assert.equal(englishToIpa("monkey").ipa, "ˈməŋki");
});

Deno.test("englishToIpa() marks dark l and rewrites r, ʤ, ʧ", () => {
  // feel F IY1 L: l at word end → ɫ ; judge JH AH1 JH → dʒədʒ ; church CH ER1 CH → tʃərtʃ
  assert.equal(englishToIpa("feel judge church").ipa, "fiɫ dʒədʒ tʃəɹtʃ");
});

Deno.test("englishToIpa() keeps punctuation around words", () => {
  assert.equal(englishToIpa('"Cat," dog.').ipa, '"kæt," dɔg.');
});

Deno.test("englishToIpa() expands abbreviations and numbers", () => {
  // dr. → doctor: D AA1 K T ER0 → ˈdɑktəɹ and D AO1 K T ER0 → ˈdɔktəɹ;
  // sorted by code point ɑ (U+0251) < ɔ (U+0254), the last is kept.
  // 2 → two T UW1 → tu
  assert.equal(englishToIpa("Dr. 2").ipa, "ˈdɔktəɹ tu");
});

Deno.test("englishToIpa() keeps unknown words as letters and reports them", () => {
  const result = englishToIpa("the blorptastic cat");
  // letters kept and marked "*"; r → ɹ still applies, l before a vowel stays l
  assert.equal(result.ipa, "ðə bloɹptastic* kæt");
  assert.deepEqual(result.unknownWords, ["blorptastic"]);
});

// eng_to_ipa reads its own CMU copy (eng_to_ipa/resources/CMU_dict.db), not
// npm cmu-pronouncing-dictionary; _eng_to_ipa_overrides.ts holds the words
// where the two read differently.

Deno.test("englishToIpa() reads 'was' as eng_to_ipa does", () => {
  // eng_to_ipa: W AA1 Z, W AA0 Z → wɑz (npm also has W AH0 Z, sorted last: wəz)
  assert.equal(englishToIpa("was").ipa, "wɑz");
});

Deno.test("englishToIpa() reads 'friends' with its d", () => {
  // eng_to_ipa: F R EH1 N D Z only (npm's last variant F R EH1 N Z → frɛnz)
  assert.equal(englishToIpa("friends").ipa, "fɹɛndz");
});

Deno.test("englishToIpa() reads a word only eng_to_ipa's dictionary has", () => {
  // eng_to_ipa: S UW2 P ER0 K AE2 L AH0 F R AE1 JH AH0 L IH2 S T IH0 K EH2 K S
  // P IY0 AE2 L AH0 D OW1 SH AH0 S; every l before a vowel, so no ɫ
  const result = englishToIpa("supercalifragilisticexpialidocious");
  assert.equal(result.ipa, "ˌsupəɹˌkæləˈfɹædʒəˌlɪstɪˌkɛkspiˌæləˈdoʊʃəs");
  assert.deepEqual(result.unknownWords, []);
});

Deno.test("englishToIpa() marks a word only the npm dictionary has", () => {
  // npm: AE1 L G ER0 IH2 DH AH0 M IH0 K; eng_to_ipa has no entry → letters + *
  const result = englishToIpa("algorithmic");
  assert.equal(result.ipa, "algoɹithmic*");
  assert.deepEqual(result.unknownWords, ["algorithmic"]);
});
