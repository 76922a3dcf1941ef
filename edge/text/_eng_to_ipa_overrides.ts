/**
 * Words eng_to_ipa 0.0.2 reads differently from npm
 * `cmu-pronouncing-dictionary` 3.0.0 (2465 words: 1334 read
 * otherwise, 1131 unknown to eng_to_ipa). One word a line: `word ipa`
 * (eng_to_ipa's reading, before english_to_ipa2's rewrites) or `word` alone
 * (eng_to_ipa has no entry, so it prints `word*`). Generated, do not edit:
 *
 *     .tools/venv-textref/bin/python scripts/eng_to_ipa_overrides.py \
 *       --out edge/text/_eng_to_ipa_overrides.ts
 *
 * Derived from eng_to_ipa's copy of the CMU Pronouncing Dictionary
 * (`eng_to_ipa/resources/CMU_dict.db`) through eng_to_ipa's transcription.
 *
 * CMU Pronouncing Dictionary: Copyright (C) 1993-2014 Carnegie Mellon
 * University. All rights reserved. Redistribution and use in source and
 * binary forms, with or without modification, are permitted provided that
 * redistributions retain this copyright notice, this list of conditions and
 * the following disclaimer. THIS SOFTWARE IS PROVIDED BY CARNEGIE MELLON
 * UNIVERSITY "AS IS" AND ANY EXPRESSED OR IMPLIED WARRANTIES, INCLUDING, BUT
 * NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR
 * A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL CARNEGIE MELLON
 * UNIVERSITY NOR ITS EMPLOYEES BE LIABLE FOR ANY DIRECT, INDIRECT,
 * INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT
 * LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA,
 * OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF
 * LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
 * NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 * (cmusphinx/cmudict `COPYING`.)
 *
 * eng_to_ipa: MIT License, Copyright (c) 2018 Michael Phillips. Permission is
 * hereby granted, free of charge, to any person obtaining a copy of this
 * software and associated documentation files (the "Software"), to deal in
 * the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions: The above
 * copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED
 * "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
 * NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
 * PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT
 * HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN
 * ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
 * CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 * (mphilli/English-to-IPA `LICENSE`; the 0.0.2 wheel's METADATA names none.)
 *
 * @see https://github.com/mphilli/English-to-IPA
 * @see https://github.com/cmusphinx/cmudict
 * @module
 */

/** `word ipa` or `word` lines, sorted by word. */
export const ENG_TO_IPA_OVERRIDES = `
a42128 ˈeɪˈfɔrˈtuˈwənˈtuˈeɪt
aa eɪeɪ
aah ɑ
aalborg
aalburg
aalen
aalsmeer
aalto
aarhus
ab æb
abattoir
abd
abdicated ˈæbdəˌkeɪtəd
ablate
ablation
ablution
ablutions
abrade
abraded
abrades
absconded æbˈskɑndəd
abutted əˈbətəd
acaena
acc
accenture
accepted ækˈsɛptɪd
accommodated əˈkɑməˌdeɪtəd
accosted əˈkɑstəd
accountability əˈkaʊntəˌbɪlɪti
accountable əˈkaʊntəbəl
accountancy əˈkaʊntəntˌsi
accounted əˈkaʊntɪd
accredit əˈkrɛˌdɪt
accursed
ach
achene
achenes
achill
achill's
acknowledgments
acm
acomb
acquiescent
acta
activated ˈæktɪˌveɪtɪd
adage ˈædəʤ
adamec əˈdɑmɛk
adare
adblock
addressable æˈdrɛsəbəl
addressing æˈdrɛsɪŋ
adhd
administer ədˈmɪnɪstər
administered ədˈmɪnɪstərd
administrating ədˈmɪnɪˌstreɪtɪŋ
administrative ədˈmɪnɪˌstreɪtɪv
administratively ædˌmɪnɪˈstreɪtɪvli
administrator ədˈmɪnɪˌstreɪtər
admitted ədˈmɪtəd
adopted əˈdɑptəd
adrenergic
adsl
adsorption
adventurous ædˈvɛnʧərəs
adverse ˌædˈvərs
adversity ædˈvərsɪˌti
advert
adwords
aegean ˌeɪˈʤiən
aeroscience
affectionate əˈfɛkʃənət
afl
africa ˈæfrɪkɑ
africa's ˈæfrɪkɑz
african ˈæfrɪkɑn
african-american ˈæfrɪkənəˈmɛrɪkən
africanist ˈæfrɪkɑnɪst
africanize ˈæfrəkɑˌnaɪz
africanized ˈæfrəkɑˌnaɪzd
afroamerican ˈæfroʊəˈmɛrɪkən
afroamericans ˈæfroʊəˈmɛrɪkənz
afterimages ˈæftərˌɪmɪʤɪz
aggregate ˈægrəgət
aggregated ˈægrəˌgeɪtəd
agitated ˈæʤəˌteɪtəd
agnella ˌægˈnɛlə
agnostically
agriculturalist ˌægrɪˈkəlʧərələst
agrochemical ˌægroʊˈkɛmɪkəl
agronomy
ague
ailene
air-force
air_force ˈɛrfɔrs
aisling ˈeɪslɪŋ
aislinn ˈeɪslɪn
al-amein
al_amein ˈæləˌmeɪn
albemarle ˈælbəˌmɑrəl
alchemist ˈælkɛˌmɪst
alcohols
aldeburgh
alessandro ˌɑləˈsænˌdroʊ
alexandrov ˌælɪkˈsændrəv
algorithmic
alice's ˈælɪsəz
alices ˈælɪsəz
allar ɑˈlɑr
allard ˌæˈlɑrd
allbritten ˈælbrɪtɛn
allbritton ˈælbrɪtɔn
allegiances əˈliʤənsɪz
allegorical ˌæləˈgɔrɪkəl
allenby
allenby's
allergenic
alluded əˈludəd
alternated ˈɔltərˌneɪtəd
ama
amaryllises ˌæmərˈɪlɪsəz
ambien
ambulate
ambulator
amelie
amelinda ɑmɛˈlində
ameline ɑmɛˈlini
amenities əˈmɛnətiz
americana əˌmɛrɪˈkænə
americana's əˌmɛrɪˈkænəz
americanas əˌmɛrɪˈkænəz
americanization əˌmɛrɪkənəˈzeɪʃən
americanize əˈmɛrɪkəˌnaɪz
americium
americo əˈmərɪkoʊ
ameridata əˈmɛrɪˌdætə
amerihost əˈmɛrɪˌhoʊst
amharic
amide
amides
amine
amitabha
anaesthesia ˌænɪsˈθiˌʒiə
analyses æˈnælɪˌsiz
analysis æˈnælɪsɪs
anatomic
anchorage ˈæŋkərɪʤ
andi
andreana ˌænˌdrɪˈɑnɑ
andreani ˌænˌdrɪˈɑni
andreano ˌænˌdrɪˈɑnoʊ
anecdote ˈænɪkˌdoʊt
anencephalic æˌnɛnsɛˈfælɪk
anesthesia ˌænɪsˈθiˌʒiə
anesthesiologist ˌænəsˌθiziˈɑləʤɪst
anesthesiologists ˌænəsˌθiziˈɑləʤɪsts
anesthetist əˈnɛsθɛtɪst
aneurysm
angeline ˈænʤɪlin
angiogenesis ˌænʤioʊˈʤɛnɪsəs
anglen ˈæŋglən
anglican ˈæŋglɪkən
angriness
animating
anime
anion
anions
anisa
aniston
ankita
annissa
anniston ˈænɪsɪn
announcements əˈnaʊnsmɛnts
annunciata ɑnunˌʧiˈɑtə
annunzio əˈnunˌzioʊ
anointed əˈnɔɪntɪd
anon
anonymize
anonymized
anova
antechamber
anthologies ænˈθɔləʤiz
anthology ænˈθɔləˌʤi
anthony ˈænθɔˌni
anthony's ˈænθɔˌniz
anti-doping
anti-war
antiaircraft ˌæntaɪˈɛrˌkræft
antinomy
antipasto
antipersonnel ænˌtaɪpərsəˈnɛl
antipode
antipodes
antivirus
antonino
antonio ænˈtoʊnioʊ
antonio's ænˈtoʊniˌoʊz
antonios ænˈtoʊniˌoʊz
anuradhapura
anzac
apartment's
apercu
aphid ˈæfɪd
api
apical
apicella ˌɑpɪˈsɛlə
apo
apologist əˈpɑləʤɪst
apologists əˈpɑləʤɪsts
apostle əˈpɔsəl
apostles əˈpɔsəlz
apostol ˈæpɔstəl
apostolic ˌæpɔˈstɔlɪk
apparel əˈpærəl
appellant
appellants
appendices
apprehended ˌæprɪˈhɛndəd
approximated əˈprɑksəˌmeɪtəd
araby
arachnids əˈræknɪdz
arafat ˈɑrəˌfɑt
arafat's ˈɑrəˌfɑts
aramaic
archippus
archived
arduino
arial
ariela
aronie ɛˈroʊˌni
arshia
articular
articulated ɑrˈtɪkjəˌleɪtəd
artisanal
arugula
ascended əˈsɛndəd
ashe's ˈæʃɪz
ashram
aslan æsˈlən
aslanian æsˈleɪˌniən
assassinated əˈsæsəˌneɪtəd
assays
asserted əˈsərtəd
associated əˈsoʊʃiˌeɪtəd
associative
astilbe
asus
asymmetric
athena æˈθinə
athenian æˈθiniən
athenians æˈθiniənz
ati
atlanta æˈtlæntə
atlantan ˌæˈtlænən
atlantans ˌæˈtlænənz
atlantic əˈtlæntɪk
atlantic's əˈtlæntɪks
atman
attar ˈæˌtɑr
attard ˈæˌtɑrd
attaway ˈætɑˌweɪ
attempted əˈtɛmptəd
attended əˈtɛndəd
attenuation
attracted əˈtræktəd
attribute əˈtrɪˌbjut
attributed əˈtrɪbjətəd
attributes əˈtrɪˌbjuts
aubergine
aubergines
augmented ɑgˈmɛntəd
aungier
aureus
australian's
authenticated ɔˈθɛntəˌkeɪtəd
authenticates
aventura ˌævɛnˈtʊˌrɑ
averell ˌævɛˈrɛl
averett ˈævɛˌrɛt
averette ˈævəˌrɛt
averted əˈvərtəd
avi ˈɑvi
awesomeness
ayesha
aylesbury
aylesbury's
b'gosh baɪˈgɔʃ
ba'ath bɑθ
babbitt's ˈbæbɪts
babbitts ˈbæbɪts
babysits
back's
backlisted ˈbæˌklɪstəd
backstreet
backstreets
bahnhof
bailiffs ˈbeɪlɪfs
balaclava
balaclavas
balak
balcerowicz ˈbælsɛˌrɔwɪʧ
balcerzak bəˈlʧərzɑk
baldwin ˈbɔldwən
balsamic
balzac
bangla
barbecuing
barbel
barista
baristas
barrientes bərˈintɛs
bashfulness
bassoonist
bayesian
bc
beading
beaks
bedizen
beji
belarus ˌbɛlɑˈrʊs
believer bɪˈlivər
believers bɪˈlivərz
belinda bɛˈlɪndə
belinsky bɛˈlɪnski
bendy
beradino ˌbɛrɑˈdiˌnoʊ
bergdoll ˈbərgˌdɔl
besotted
bespoke
betook bɪˈtʊk
betschart ˈbɛˌʃɑrt
bharat
bharath
bi-weekly
bialecki ˌbiəˈlɛˌki
bialkin biˈɑlkɪn
bibliographic
bibliographical
bichon
bidirectional
biedermeier ˈbidərˌmaɪər
biljana ˌbiˈljɑˌnɑ
binary ˈbaɪnəˌri
bingaman ˈbɪŋgəmən
binger ˈbɪŋʤər
bingham ˈbɪŋgəm
binghamton ˈbɪŋgəmtən
bingley ˈbɪŋgli
bingman ˈbɪŋgmən
binkowski bɪŋˈkoʊski
biochem ˈbaɪoʊˌkɛm
biochemist ˌbaɪoʊˈkɛmɪst
biochemistry ˌbaɪoʊˈkɛmɪˌstri
bionic
biopic
biosciences ˌbaɪoʊˈsaɪənsɪz
biostatistician
biostatistics
biosynthesis
birkhoff ˈbərkhɔf
bisquit
bitcoin
bitcoins
bizrate
blab
blabbed
blabber
blabbers
blancmange
blankie
blankies
blanky
blasio
blevens ˈblɛvɪnz
blinken
blockchain
blogosphere ˈblɔgɔsˈfir
blomgren ˈblɔmgrɛn
blomkvist ˈblɔmkˌwɪst
blomquist ˈblɔmkˌwɪst
blomstrom ˈblɔmstrəm
blowjobs
bluejacket
bohnomie
bojangles
bollocks
bolly
bologna bəˈloʊˌŋɑ
bolognese boʊloʊˈŋɛzi
bolognesi ˌbɑlɑˈŋɛsi
borsod
borsodi
bot
bots
botvinick
boulding
boyd-crotty
boytoy
boytoys
bp
brahman
brasseaux brɑˈsoʊ
brasserie ˈbræsəˌri
breadcrumb
breeches
bretthauer ˈbrɛˌthaʊər
brigantine
britney ˈbrɪtˌni
brzeska
bs
buber
bucharest ˈbukəˌrɛst
budiman ˈbjudɪmən
bukkake
bungle
butan
buthan
butkiewicz ˈbətˌkjɛvɪʧ
buzzfeed
c1 ˈsiˈwən
c2 ˈsiˈtu
c3 ˈsiθˈri
c4 ˈsiˈfɔr
c5 ˈsiˈfaɪv
cabela
cabela's
cabletron ˈkeɪbəlˌtrɔn
cabletron's ˈkeɪbəlˌtrɔnz
caddie
caddie's
caddied
caddying
cadge
caitlin ˈkeɪtlɪn
calender
callback
caloric kæˈlɔrɪk
calorie ˈkælɔˌri
calories ˈkælɔˌriz
caltrain
calving ˈkælvɪŋ
camembert
camisole
camomile
cams
canape
canapes
cannelloni
cannock
capitulate kəˈpɪʧuˌleɪt
caplinger ˈkæˌplɪnʤər
caprese
capulet
carb
carbs
cardamom
cardinal's ˈkɑrdɪnəlz
cardinals ˈkɑrdɪnəlz
cardiomyopathy
carefulness
careless ˈkɛrlɛs
carelessly ˈkɛrlɛsli
carelessness ˈkɛrlɛsnəs
cargile ˈkɑrʤɪl
caribe ˌkɑˈrib
caricature ˈkɛrɪkəˌʧər
caricatured ˈkɛrɪkəˌʧərd
caricatures ˈkɛrɪkəˌʧərz
caricaturist ˈkɛrəkəˌʧərɪst
carla's ˈkɑrlɑz
carlan ˈkɑrlæn
carland ˈkɑrlænd
carlen ˈkɑrlɛn
carmack ˈkɑrˌmɑk
carmical ˈkɑrmɪkɑl
carmine ˈkɑrˌmaɪn
carmody ˈkɑrmoʊdi
carneal ˈkɑrˌniəl
carrel ˈkærɛl
carribean kəˈrɪˌbiən
cartonnage
casper's
cassiopeia
castile
castille ˈkæstɪl
cat-1 ˌkætˈwɔn
cat-2 ˌkætˈtu
cat-3 ˌkætθˈri
cat-4 ˌkætˈfɔr
cat-6 ˌkætˌsɪks
catain ˈkætɛn
catalan ˈkætɑˌlɑn
cataloging ˈkætəlɔgɪŋ
catalyst ˈkætəˌlɪst
catalysts ˈkætəˌlɪsts
catamaran kəˈtæˌmərən
catchup ˈkæʧʊp
caterings
cation
catniss
cavett ˈkæˌvɛt
caviar's
cb
cbc ˈsiˌbiˈsi
cbs ˈsiˌbiˌɛs
cc ˈsiˈsi
ccd
cd ˈsiˈdi
cdc ˈsiˌdiˈsi
cds ˈsiˈdiz
ce
cea ˈsiˈiˈeɪ
cero
cert
cgi
chamomile
championship's
chanced
chanson
characteristic ˌkɛrɪktərˈɪstɪk
characteristically ˌkɛrɪktərˈɪstɪkli
characteristics ˌkɛrɪktərˈɪstɪks
characterization ˌkɛrɪktərɪˈzeɪʃən
characterizations ˌkɛrɪktərɪˈzeɪʃənz
characterize ˈkɛrɪktərˌaɪz
characterized ˈkɛrɪktərˌaɪzd
characterizes ˈkɛrɪktərˌaɪzəz
characterizing ˈkɛrɪktərˌaɪzɪŋ
characters ˈkɛrɪktərz
charcuterie
chargeback
chargebacks
chargeurs ˌʧɑˈrʤʊrz
charlize
chasuble
chatroom
chebyshev
chemically ˈkɛmɪkli
chemins ʃəˈmɪnz
chevrier ˈʧɛvˌriər
chevrolet ˌʃɛvroʊˈleɪ
chevrolet's ˌʃɛvroʊˈleɪz
chiaoscurist
chiaoscuro
chiffre
chilcott ˈʧɪlkɔt
chilcutt ˈʧɪlkɔt
childminder
chip-in
chipetas ʧɪˈpitɑz
chloric
chomsky
chromecast
chromosomal
cialis
ciera ˈsiˌɛrɑ
cieri ˈsiˌɛri
cigarette ˌsɪgəˈrɛt
cigarette's ˌsɪgəˈrɛts
cigarettes ˌsɪgəˈrɛts
cigna's ˈsɪgˌnɑz
cingular
cio
ciresi sɪˈrɛˌsi
cit
citrix
citysearch
clampett ˈklæmpɛt
classifieds
clerissa ˌklɛˈrisə
cleverer
clevite klɛˈvaɪt
clevite's klɛˈvaɪts
clo
clove
cmudict
cnbc's
cnet
co-founder
co-leader
co-leaders
co-owner
cocksucker ˈkɑkˌsəkərz
codebase
cohentannoudji ˌkoʊɛntəˈnuˌʤi
coiffe kˌwɑˌfeɪ
coiffed kwɑft
coincidentally koʊˌɪnsɪˈdɛntəli
colours
comintern
commiserates
commiserating
commitee kɑˈmɪti
companhia kəmˈpæŋˌjɑ
companies's ˈkəmpəˌniz
comparable ˈkɑmprəbəl
comparably ˈkɑmprəˌbli
comparative kəmˈpærətɪv
comparatively kəmˈpærətɪvˌli
comparator kəmˈpærəˌtər
compostela
composts
concavity
concentrated ˈkɔnsənˌtreɪtɪd
conceptualize
conceptualizes
condescended
confederates
confidence ˈkɑnfədɛns
confidence's ˈkɑnfəˌdɛnsɪz
confidences ˈkɑnfəˌdɛnsɪz
confidentiality ˌkɑnfəˌdɛnʃiˈæləti
confindustria kɑnˌfɪnˈduˌstriə
congeries
congruent
conjurer
constitutive
consuls
contemn
contemptuously kənˈtɛmˌpʧuəsli
contends kənˈtɛndz
contrapunction
contrapunctual
cooed
corinthians
cormac
corzine ˌkɔrˈzin
costa-rica
costa_rica ˈkɔstəˈrikə
cotyledon
coughing ˈkɑfɪŋ
councilor ˈkaʊnsɪlər
councilors ˈkaʊnsɪlərz
councils ˈkaʊnsɪlz
councilwoman ˈkaʊnsɪlˌwʊmən
councilwomen ˈkaʊnsɪlˌwɪmən
counted ˈkaʊntɪd
counterattack ˈkaʊnərəˌtæk
counterattacked ˌkaʊnərəˈtækt
counterattacking ˈkaʊnərəˌtækɪŋ
counterattacks ˈkaʊnərəˌtæks
counterbalance ˈkaʊnərˌbæləns
counterbalanced ˌkaʊnərˈbælənst
counterbalances ˈkaʊnərˌbælənsɪz
counterbalancing ˈkaʊnərˌbælənsɪŋ
counterchallenge ˈkaʊnərˌʧælənʤ
counterchallenges ˈkaʊnərˌʧælənʤəz
countercharge ˈkaʊnərˌʧɑrʤ
countercharges ˈkaʊnərˌʧɑrʤɪz
countercultural ˌkaʊnərˈkəlʧərəl
countered ˈkaʊnərd
counterespionage ˌkaʊnərˈɛspjəˌnɑʤ
counterfeit ˈkaʊnərˌfɪt
counterfeited ˈkaʊnərˌfɪtɪd
counterfeiter ˈkaʊnərˌfɪtər
counterfeiters ˈkaʊnərˌfɪtərz
counterfeiting ˈkaʊnərˌfɪtɪŋ
counterfeits ˈkaʊnərˌfɪts
countering ˈkaʊnərɪŋ
counterinsurgencies ˌkaʊnərɪnˈsərʤənsiz
counterinsurgency ˌkaʊnərɪnˈsərʤənsi
counterintelligence ˌkaʊnərɪnˈtɛlɪʤəns
counterproductive ˈkaʊnərprəˌdəktɪv
counterstrike
counting ˈkaʊntɪŋ
cour kur
covalent
covariance
covaries
cpu
crag
crags
cranial ˈkreɪˌniəl
crawler
cribbage ˈkrɪbəʤ
cricket's ˈkrɪkɪts
crickets ˈkrɪkɪts
crisps
crm
crouton
croutons
cryonics
csv
cuisinart kˈwisɪˌnɑrt
cuisinarts kˈwizɪˌnɑrts
cul-de-sac
cul_de_sac ˈkəldɪˌsæk
cummock ˈkəmɔk
cup's
curated
curds
customizable
cutie
cutlet
cutlets
cv
cyclamen
cynosure
d'affaires dæˈfɛrz
d'agostino ˌdægəˈstinoʊ
d'agostino's ˌdægəˈstinoʊz
d'alene dæˈlin
d'alene's dæˈlinz
d'alessandra ˌdælɛˈsɑndrɑ
d'alessandro ˌdɑlɛˈsɑnˌdroʊ
d'alessandro's ˌdɑlɛˈsɑnˌdroʊz
d'alessi dæˈlɛˌsi
d'amato dæˈmɑˌtoʊ
d'amato's dæˈmɑˌtoʊz
d'america dæˈmɛrɪkə
d'amore ˌdæˈmɔˌreɪ
d'amore's ˌdæˈmɔˌreɪz
d'angelo ˈdænʤɪˌloʊ
d'angelo's ˈdænʤɪˌloʊz
d'artagnan dɑrˈtɑˌŋiən
d'electricite deɪˌlɛkˈtrɪsəˌteɪ
d'etat ˌdɛˈtɑ
d'olier
d_c ˈdiˈsi
dabber
daikon
dail deɪl
daintily
danglar
danglars
daniels ˈdænjɛlz
danielski ˌdæniˈɛlski
datasets
debian
debited
debits
debuted ˈdeɪbjutɪd
debuting deɪˈbjutɪŋ
decayed dɪˈkeɪd
deceits dɪˈsits
declarative
declension
declensions
delacroix ˌdɛləˈkrɔɪ
demarest ˈdɛməˌrɛst
demeanour
demeanours
demesne
dental ˈdɛntəl
dentals ˈdɛntəlz
dentist ˈdɛntɪst
dentistry ˈdɛntɪstri
denyse ˌdɛˈnis
deontological ˌdiɑntəˈlɑʤɪkəl
depardieu ˌdipɑrˈdju
depeche
depriest dɪˈprist
depue dɪˈpju
dermatitis
derrida
des-moines
des_moines ˌdɛˈmɔɪnz
descriptor
descriptors
descry
devries dɛvˈris
dewire dəˈwaɪr
dewit dɛˈwɪt
dewitt dɛˈwɪt
dewitte dɛˈwɪt
dewolf dɛˈwʊlf
dewolfe dɛˈwʊlf
dewoody dɛˈwʊˌdi
dewulf duˈwəlf
dharamsala ˈdɑrɑmsɑˌlɑ
dibenedetto dɪˌbɛnəˈdɛˌtoʊ
diddle
dielectric
digalakis dɪʤəˈlɑkɪs
digeronimo ˌdɪʤəˈroʊniˌmoʊ
dilapidate dɪˈlæpəˌdeɪt
dilapidated dɪˈlæpəˌdeɪtɪd
disbelieve dɪsbɪˈliv
disbelieving dɪsbɪˈlivɪŋ
dissidence ˈdɪsədɪns
dissident ˈdɪsədɪnt
dividend's ˈdɪvɪˌdɛndz
dividends ˈdɪvɪˌdɛndz
dj
dns
dominions
dopplerganger ˈdɑpəlˌgængər
dovecote
dovecotes
downvote
downvoted
downvotes
downvoting
doyenne
drooled
dropbox
druggie
dubiously
dubroc ˈdəbrɔk
duce ˈduˌʧeɪ
ducey ˈdusi
dulcet ˈdəlsɛt
dumb-ass ˈdəˌmæs
dumbass ˈdəˌmæs
dworak dˈwɔˌræk
dynamically
dziak dziɑk
e-commerce
earfull ˈirˌfəl
ecclesiastic ˌɛˌkliziˈæstɪk
ecclesiastical ˌɛˌkliziˈæstɪkəl
echevarria ˌɛʧeɪˈvɑˌriə
echeverria ˌɛʧeɪˈvɛˌriə
echidna ˌɛˈkɪdnə
educative
effector
effectors
elector
electrocutions ˌɪˌlɛktrəˈkjuʃənz
electrolux ˌɛˈlɛktrələks
electrolysis ˌɛˌlɛkˈtrɑləsɪs
electrolyte
electrolytes
electromagnet ˌɪˌlɛktroʊˈmægnət
electrophoretogram ˌɪˌlɛktroʊfəˈrɛtəˌgræm
eleemosynary
elefante ɛlɛˈfɑnˌtɛ
elena's ˈɛlənɑz
eloped
emacs
embedding
eminem
emotionalism ˈimoʊʃnəˌlɪzəm
emotions ˈɪˌmoʊʃənz
ems
emulator
emulsified
emulsifies
emulsify
emulsifying
encarnacion ɛnˌkɑrnɑsˈjɔn
encomium
encomiums
endometrial ˌɛndoʊˈmitriəl
enfranchise ɛnˈfrænˌʧaɪz
engage ɪnˈgeɪʤ
engaged ɪnˈgeɪʤd
engagements ɪnˈgeɪʤmənts
engages ɪnˈgeɪʤɪz
engaging ɪnˈgeɪʤɪŋ
engwall ɪŋgˈwɔl
enhanced ɛnˈhænst
enlargement ˌɛnˈlɑrʤmənt
enlargements ˌɛnˈlɑrʤmənts
enlarger ˌɛnˈlɑrgər
enlarges ˌɛnˈlɑrʤɪz
enlarging ˌɛnˈlɑrʤɪŋ
enlistee ɛnˌlɪˈsti
enlistees ɛnˌlɪˈstiz
enlisting ɛnˈlɪstɪŋ
eon iɑn
eons iɑnz
eos iɔs
eos's ˈiˌɔsɪz
eosinophilia ˌiɔˌsɪnəˈfɪljə
eosinophilic ˌiɔˌsɪnəˈfɪlɪk
epa
epcot ˈɛpˌkɔt
ephesus
epictetus
epicures
epidemiological ˌɛpɪˌdiˌmiəˈlɑʤɪkəl
epidermal ˌɛpɪˈdərməl
epidermis ˌɛpɪˈdərməs
epidural ˌɛpɪˈdərəl
epigenetic ˌɛpɪʤəˈnɛtɪk
epigrammatic ˌɛpɪgrəˈmætɪk
epigraphic ˌɛpɪˈgræfɪk
epilepsies ˈɛpɪˌlɛpsiz
epilepsy ˈɛpɪˌlɛpsi
epileptic ˌɛpɪˈlɛptɪk
epileptics ˌɛpɪˈlɛptɪks
epilogue ˌɛpɪˈlɔg
epinephrine
epistemological
epistemologies
epithelium
eponymous
eponymy
erlbaum
escargot
esophageal
espn
estate ɛˈsteɪt
estate's ɛˈsteɪts
estatehood ɛˈsteɪˌthʊd
estates ɛˈsteɪts
esteem ɛˈstim
esteem's ɛˈstimz
esteemed ɛˈstimd
esteves ɛˈsteɪvɛs
estevez ɛˈsteɪvɛz
etsy
eu
excreted
excretes
exel ɛkˌsɛl
exemption ɪgˈzɛmpʃən
exemptions ɪgˈzɛmpʃənz
exorcist ˈɛksərsɪst
extracellular
extracellularly ˈɛkstrəˌsɛljələrli
extreme ɪkˈstrim
extremely ɪkˈstrimli
extremes ɪkˈstrimz
extremism ˌɪkˈstrɛmɪzəm
extremist ɪkˈstrimɪst
extremists ɪkˈstriməsts
eyeshadow
ezekiel ɛˈzɛˌkiəl
ezell ɛˈzɛl
ezell's ɛˈzɛlz
facebook's
factoid
fail-safe ˈfeɪlˌseɪf
farve ˈfɑrˌveɪ
faux foʊ
fcc
fcc's
fda
fedewa ˈfɛdɛˌwɑ
feta
fib
fibres
fibrosis faɪˈbroʊsɪs
fie
fifa
fifteen's
filename
financier ˌfɪnənˈsir
fine faɪn
fingerpainted ˈfɪŋgərˌpeɪnɪd
firefox
firelighter
firelighters
firmware
fluxes
fnma
folino foʊˈlinoʊ
folio
foosball
for-profit ˌfərˈprɑfɪt
formatting
formulae
fragmented ˈfrægməntɪd
fragmenting ˈfrægmɛntɪŋ
fragonard ˈfrægəˌnɑrd
friend's frɛndz
friendlier ˈfrɛndliər
friendliest ˈfrɛndliəst
friendliness ˈfrɛndlinɪs
friendly ˈfrɛndli
friends frɛndz
friendship ˈfrɛndʃɪp
friendships ˈfrɛndʃɪps
frig
frigs
frizz
frizzle
frizzled
fs
ftp
fuckin
fuddle
fuddles
fulfil
fustian
fusty
fyi ˌɛfˈwaɪˌaɪ
gaboriault ˈgæboʊˌriˌoʊ
gabriele ˌgɑbriˈɛlə
gabrielle ˌgɑbriˈɛl
gabrowny gɑˈbraʊˌni
gagan ˌgɑˈgɑn
gallagher ˈgæləgər
galudet ˌgæləˈdɛt
galway's
gameboy
ganglia ˈgæŋgliə
ganglion
gao
garcon
garcons
garonzik gəˈrɔnzɪk
garrell gɑˈrɛl
garrels ˈgærɛlz
gasich ˈgæsɪk
gaudier
gazebo
gazpacho
gdp
gendered
genealogical
genuine ˈʤɛnjuˌaɪn
genuinely ˈʤɛnjuˌaɪnli
genuineness ˈʤɛnjuənɪs
geodetic
gerbil
gerbils
gere gir
gerund
gerunds
giaconda ˌʤiəˈkɔnˌdɑ
giaimo ˈʤeɪəˌmoʊ
gide
girozentrale gɪˈroʊzɛnˌtrɑl
git
github
glam
gm
gmail
gnp
godaddy
goddammit ˌgɑˈdæmɪt
goddamn ˌgɑˈdæm
goddamned ˌgɑˈdæmd
google's
goose's
gorgonzola
gouache
gourmand
goverment ˈgəvərmɛnt
governmentally ˈgəvərˌmɛntəli
grandmaster ˈgrændˈmæstər
grandmom
grandstaff ˈgrænˌstæf
granieri grɑˌnɪˈɛri
gravamen
gripper
gropes
grue
grumpiness
guertin ˌgərˈtɪn
habermas
habyarimana ˌhæbjɑriˈmɑˌnɑ
hadar
hadoop
haggis
halloween's
hamiltonian
hammurabi
hard-working ˌhɑrdˈwərkɪŋ
hasan ˌhɑˈsɑn
hashish hæˈʃiʃ
hatter's
haulage
headshot
healthwise
heehaw
heidegger
herbalist ˈərbəˌlɪst
herbalist's ˈərbəˌlɪsts
herbalists ˈərbəˌlɪsts
herbivorous ərˈbɪˌvɔrəs
heretical hɛˈrɛtɪkəl
heretics ˈhɛrɛtɪks
hermione ˌhərˈmaɪni
heterosexual ˌhɛtəroʊˈsɛkˌʃuəl
heterosexuality ˌhɛtəroʊˌsɛkʃuˈælɪti
heterosexuals ˌhɛtəroʊˈsɛkˌʃuəlz
hezbollah ˌhɛzbɑˈlə
hibachi hiˈbɑˌʧi
higham ˈhɪgəm
hilton-head
hilton_head ˈhɪltənˈhɛd
hindquarter ˈhaɪndkˌwɔrtər
hindquarters ˈhaɪndkˌwɔrtərz
hingis ˈhɪŋgəs
hiv
hm həm
hmm həm
hmmm
hobbit ˈhɔbɪt
holocaust ˈhɔləˌkɔst
holodeck ˈhɔloʊˌdɛk
hologram ˈhɔloʊˌgræm
holograms ˈhɔloʊˌgræmz
holographic ˌhɔloʊˈgræfɪk
holohan ˈhɔləhæn
homepage
homosexual ˌhoʊmoʊˈsɛkʃuəl
homosporous ˌhoʊmoʊˈspɔrəs
hon hɑn
honourary ˈɑnəˌrɛri
hors-d-oeuvre
hors_d'oeuvre ˌɔrˈdərv
hors_d'oeuvres ˌɔrˈdərvz
horseshit ˈhɔrˌʃɪt
hotmail
hp
hr
hsbc
html
http
hulu
humor's
huzzah
hydrocephalic
hydrocephalus
hydrocortisone
hymeneal
hyndai
hyperplasia ˌhaɪpərˈpleɪˌʒiɑ
hypothalamus
hz
i_p ˈɪˈpi
i_r_a ˈaɪˈɑˈreɪ
ibid
ibiza
ibm
icloud
idealistically
idealists aɪˈdiəˌlɪsts
idealize aɪˈdiəˌlaɪz
idealizes aɪˈdiəˌlaɪzɪz
idealizing aɪˈdiəˌlaɪzɪŋ
identifiers
identity aɪˈdɛntəˌti
ieee
ifill ˌaɪˈfil
iguana ˌɪgˈwɑnə
iguchi iˈguˌʧi
implementations
imposes ˌɪmˈpoʊzɪz
in-app
in-depth
in-house ˌɪnˈhaʊs
in-law ˌɪnˈlɔ
in-laws ˌɪnˈlɔz
in-memory
in-person
inaugurate ˌɪˈnɔgjəˌreɪt
inaugurated ˌɪˈnɔgərˌeɪtɪd
inaugurates ˌɪˈnɔgjəˌreɪts
inaugurating ˌɪˈnɔgjəˌreɪtɪŋ
inauguration ˌɪˌnɔgjəˈreɪʃən
inaugurations ˌɪˌnɔgjəˈreɪʃənz
inbox
inchoate
increases ˌɪnˈkrisɪz
increasingly ˌɪnˈkrisɪŋgli
increments ˈɪŋkrəˌmɛnts
incubates
indefeasible
indoctrinate
indulgences ˌɪnˈdəlʤənsɪz
inexperienced ˌɪnɛkˈspɪriənst
inexplicable ˌɪnəkˈsplɪkəbəl
infographic
informatic ˌɪnˌfɔrˈmætɪk
informatics ˌɪnˌfɔrˈmætɪks
information ˌɪnˌfɔrˈmeɪʃən
information's ˌɪnˌfɔrˈmeɪʃənz
informational ˌɪnˈfɔrˌmeɪʃənəl
informations ˌɪnˈfɔrˈmeɪʃənz
inhabitant ˌɪnˈhæbɪtənt
inhabitants ˌɪnˈhæbɪtənts
inhabitation ˌɪnˌhæbɪˈteɪʃən
inhabiting ˌɪnˈhæbɪtɪŋ
inhabits ˌɪnˈhæbɪts
inherent ˌɪnˈhɛrənt
inherently ˌɪnˈhɛrəntli
inhospitable ˌɪnˈhɑspɪtəbəl
inline
instagram
institute ˈɪnstɪˌtut
instituted ˈɪnstɪˌtutɪd
institutes ˈɪnstɪˌtuts
insufficiency
integrals
intensification ˌɪnˌtɛnsɪfəˈkeɪʃən
intensified ˌɪnˈtɛnsɪˌfaɪd
intensifies ˌɪnˈtɛnsɪˌfaɪz
intensify ˌɪnˈtɛnsɪˌfaɪ
intensifying ˌɪnˈtɛnsɪˌfaɪɪŋ
intensities ˌɪnˈtɛnsɪtiz
intensity ˌɪnˈtɛnsɪti
interest ˈɪntəˌrɛst
interested ˈɪntəˌrɛstɪd
interesting ˈɪntəˌrɛstɪŋ
interestingly ˈɪntəˌrɛstɪŋli
interestrate ˈɪntərˌstreɪt
internacional ˌɪntərˌnɑsjoʊˈnɑl
international ˌɪnərˈnæʃənɑl
international's ˌɪnərˈnæʃənɑlz
internationalism ˌɪnərˈnæʃənɑˌlɪzəm
internationalists ˌɪntərˈnæʃənɑlɪsts
internationalization ˌɪnərˌnæʃənɑlɪˈzeɪʃən
internationalize ˌɪnərˈnæʃəˈnɑˌlaɪz
internationalized ˌɪnərˈnæʃənɑlaɪzd
internationally ˌɪnərˈnæʃənɑli
interpolation
interpolations
interrent ˈɪntərˌɛnt
interstitial
intestinal ˌɪnˈtɛstɪnəl
intestine ˌɪnˈtɛˌstaɪn
intimate ˈɪnɪmət
intimated ˈɪntɪˌmeɪtɪd
intimately ˈɪntɪmətli
intimates ˈɪntɪməts
intimation ˌɪntɪˈmeɪʃən
intimations ˌɪntɪˈmeɪʃənz
intoxicated ˌɪnˈtɑksɪˌkeɪtɪd
intra ˈɪntrə
intracellular
intravenously ˌɪnˈtrævənəsli
intrepid ˌɪnˈtrɛpəd
intrepidity
intrepidly ˌɪnˈtrɛpədli
invoiced
ions aɪɑnz
iosif ˈjɔsəf
ip ˌaɪˌpi
ipad's
iphiginia
ipod ˈaɪˌpɔd
ipods ˈaɪˌpɔdz
isbn
ischemia ˌɪˈskɛmiə
ischemic
iteration ˌɪtəˈreɪʃən
iwata ˌiˈwɑˌtɑ
iwosaki ˌiˌwɔˈsɑˌki
jailbreak
jalapeno ˌhæləˈpinjoʊ
jambalaya
jammal
jean-luc ˌʒænˈluk
jeanbaptiste ˌʒɑnbəpˈtɪst
jeanlouis ˌʒɑnluˈi
jeanpierre ʒɔnˈpjɛr
jeju
jejune
jemimah
jfk ˌʤeɪˌɛfˈkeɪ
jink
jocose
joshua's ˈʤɔˌʃuəz
jr
jumbotron ˈʤəmboʊtrɔn
jumbotrons ˈʤəmboʊtrɔnz
junctions
kachigian kəˈʃiˌgiən
kali
kapok
karina
katana
keren
key-largo
key-west
key_largo ˌkiˈlɑrgoʊ
key_west ˌkiˈwɛst
keyboarding
kibbutznik
kickstarter
kilauea
kilkenny
kilkenny's
kinase
kinect
kira ˈkirɑ
klamath-falls
klamath_falls ˈklæməθˈfɔlz
klansmen ˈklænzmɛn
klingon ˈklɪŋˌgɔn
klingons ˈklɪŋˌgɔnz
korean's ˌkɔˈriənz
koreatown ˌkɔˈriəˌtaʊn
kpmg
krasnoyarsk ˌkræsnɔˈjɑrsk
kratos
krypton ˈkrɪptɔn
kryptonite ˈkrɪptoʊˌnaɪt
kurnool
kurnul
kwh
la-carre
la-crosse
la-guardia
la-nina
la-paz
la-quinta
la_carre ˈlɑˌkɑˈreɪ
la_crosse ləˈkrɔs
la_guardia ləgˈwɑrdiə
la_nina ləˈninjə
la_paz ˈləpɔz
la_quinta ləkˈwɪntə
labradors
lacan
lachrymose
laferriere ˈlæfɛˈrjɛr
laffitte lɑˈfɪt
laffoon lɑˈfun
lafitte lɑˈfɪt
laflam lɑˈflæm
laflamme ˌlɑˈflæm
lafleche lɑˈflɛʃ
lafleur lɑˈflər
lafoe lɑˈfoʊ
lafollette ˌlɑfəˈlɛt
lafond lɑˈfɔnd
lafont lɑˈfɔnt
lafontaine ˌlɑfənˈteɪn
laforce lɑˈfɔrs
laforest lɑˈfɔrəst
laforge lɑˈfɔrg
laforte lɑˈfɔrt
lafortune ˌlɑfərˈtun
lafosse lɑˈfɑs
lafoy lɑˈfɔɪ
laframboise ˌlɑˌfræmbˈwɑ
lafrance lɑˈfræns
lafreniere ˈlɑfrɪniɛr
lagniappe
lajeune lɑˈʤən
lajeunesse lɑˈʤənɛs
lajoie ˈlɑʤwɑ
lakota lɑˈkoʊtə
lakotas lɑˈkoʊtəz
lamagna lɑˈmɑnjɑ
lamamra lɑˈmɑmrɑ
lamar lɑˈmɑr
lamar's lɑˈmɑrz
lamarr lɑˈmɑr
lamothe ˈlɑmɔð
lamoureaux ˈlɑmʊroʊ
lamoureux ˈlɑmʊroʊ
lanai-city
lanai_city ləˈnaɪˌsɪti
lanctot ˈlæŋktɔt
landless ˈlændlɛs
landline
las-vegas
las_vegas ˈlɑsˈveɪgəs
laterally
latexes ˈleɪtɛksɪz
lazaroff ˈlæzəˌrɔf
leaderboard
leaderboards
lebowski
leia leɪɑ
lemar lɪˈmɑr
leonidas liˌɔˈnidəz
leprechaun ˈlɛpərˌkɔn
letterkenny
leviathan lɛˈvaɪəθən
levine lɛˈvin
levine's lɛˈvinz
liaison liˈeɪˌzɑn
libel ˈlaɪbɛl
libeled ˈlaɪbɛld
libelous ˈlaɪbɛləs
liberatore libɛˌrɑˈtɔˌri
libido ləˈbaɪˌdoʊ
libor ˈliˌbɔr
librettist ləˈbrɛtɪst
libretto lɪˈbrɛˌtoʊ
librivox ˈlibriˌvɑks
lifecycle
lightman
limn
limned
linkedin
lipids
little-rock
little_rock ˈlɪtəˈlrɔk
llc
login
logout
long-beach
long-island
long_beach ˈlɔŋˈbiʧ
long_island ˌlɔˈŋaɪlənd
los-angeles
los-palmas
los_angeles ˌlɔˈsænʤələs
los_palmas ˌlɑˈspɑlməs
losey ˈloʊsi
louche
lubricious
lubricity
lucich ˈləʧɪʧ
lucid ˈlusɪd
lucien ˌluˌsiˈɛn
lucienne ˌluˌsiˈɛn
lymphoid
m-8 ˈɛˈmeɪt
m-80 ˈɛˈmeɪti
m1 ˈɛmˈwən
m2 ˈɛmˈtu
m3 ˈɛmθˈri
m4 ˈɛmˈfɔr
m5 ˈɛmˈfaɪv
maariv ˌmɑɑˈriv
macbook
magus
mahavira
maidan
malpensa
manasion mæˈnæʃən
manasion's mæˈnæʃənz
manassas mæˈnɑsəs
manatt ˈmænæt
mandibular
manumission
maraca
maracas
mariam ˈmɑriəm
marian ˈmɑriən
marian's ˈmɑriənz
mariana ˌmɑriˈænə
marianas ˌmɑriˈænəs
marianne ˌmɑriˈæn
mariano ˌmɑriˈɑnoʊ
maribel ˈmɑrɪbɛl
maricopa ˌmɑrɪˈkoʊpə
marielito mɑˌriɛˈlitoʊ
marielitos mɑˌriɛˈlitoʊs
mariposa ˌmɑrɪˈpoʊsə
maris ˈmɑrɪs
marisa mɑˈrɪsə
marissa mɑˈrɪsə
marissa's mɑˈrɪsəz
marital ˈmærətəl
maritime ˈmærəˌtaɪm
maritimes ˈmærəˌtaɪmz
maritz ˈmærɪts
marjoram ˈmɑrʤərˌæm
markel ˈmɑrkɛl
markell ˈmɑrkɛl
marken ˈmɑrkɛn
markov
markovian
maronite ˈmɑrəˌnaɪt
marzipan
maslo
maxillary
maximus ˈmækˌsɪməs
mcallester
mcavinchey
md
meetup
megatron ˈmɛgəˌtrɔn
melchizedek
mellitus
memento mɛˈmɛntoʊ
mementos mɛˈmɛntoʊz
memes mimz
mentorship
menu's
metabolite
metabolites
metastases
metastatic
methought ˈmɛˌθɔt
mg
mgm ˈɛmˈgiˈɛm
minecraft
mitochondrial
mm
mme
modeling ˈmɑdəlɪŋ
modelling
modifier
modifiers
modulo
modulus
modus-operandi ˈmoʊdəˌsɔpərˈændi
mogayon ˌmoʊgɑˈjɔn
mogayon's ˌmoʊgɑˈjɔnz
moiety
molar
moleskin
moleskine
monetize
monetizing
monje ˈmɑnʤɛ
monographs
monteforte ˌmɑntɛˈfɔrti
montefusco ˌmɑntɛˈfuskoʊ
monterey ˌmɑntəˈreɪ
monterrey ˌmɑntəˈreɪ
montes ˈmɑntɛz
montesano ˌmɑntɛˈsɑnoʊ
montesdeoca ˌmɑntɛsdiˈɔkɑ
montesino ˌmɑntɛˈsinoʊ
monteverde ˌmɑntɛˈvɛrdi
montevideo ˌmɑntɛˈvɪdiˌoʊ
montezuma ˌmɑntɛˈzumə
morales mɔˈrɑlɛs
morality ˌmɔˈræləˌti
moran mɔˈræn
morandan mɔˈrændən
mosel ˈmoʊsɛl
mossy
motherboard
moto ˈmoʊtoʊ
motorcyclist ˈmoʊtərˌsaɪklɪst
motorcyclists ˈmoʊtərˌsaɪklɪsts
motrin ˈmoʊtrɪn
moue
mount-everest
mount_everest ˌmaʊnˈtɛvərɛst
moussaka
mozzarella
mri
mulligatawny
multivariate
multivariates
mummer
mummer's
n-words
n92762 ˈɛnˈnaɪnˈtuˈsɛvənˈsɪkˈstu
n_words ˈɛnˈwərdz
naacp
naan
naccarato nɑkəˈrɑˌtoʊ
namaste
natively
naturalization ˈnæˌʧərəlɪˈzeɪʃən
nbc's
neigh
neolith
neolithic
netflix
new-bedford
new-bern
new-caledonia
new-delhi
new-hampshire
new-hampshire's
new-hampshirite
new-hampshirites
new-haven
new-jersey
new-jersey's
new-london
new-mexico
new-mexico's
new-orleans
new-york
new-york's
new-york-city
new-zealand
new_bedford ˌnuˈbɛdfərd
new_bern nuˈbərn
new_caledonia ˈnuˌkæləˈdoʊniə
new_delhi nuˈdɛli
new_hampshire ˈnuˈhæmpʃər
new_hampshire's ˈnuˈhæmpʃərz
new_hampshirite ˈnuˈhæmpʃərˌaɪt
new_hampshirites ˈnuˈhæmpʃərˌaɪts
new_haven ˈnuheɪvən
new_jersey ˈnuˈʤərzi
new_jersey's ˈnuˈʤərziz
new_london nuˈləndən
new_mexico ˈnuˈmɛksəˌkoʊ
new_mexico's ˈnuˈmɛksəˌkoʊz
new_orleans nˈjuˈɔrlinz
new_york ˈnuˈjɔrk
new_york's ˈnuˈjɔrks
new_york_city ˈnuˈjɔrkˈsɪti
new_zealand ˈnuˈzilənd
nfc
niall naɪəl
niamh naɪəm
nickol ˈnɪkɔl
nickolas ˈnɪkɔləz
nickolay ˈnɪkɔˌlaɪ
nickoloff ˈnɪkɔlɔf
nickols ˈnɪkɔlz
nickolson ˈnɪkɔlsən
nicol ˈnɪkɔl
nicolai ˈnikoʊˌlaɪ
nicolas ˈnɪkɔləs
nicolau ˈnɪkɔlaʊ
nicolaus ˈnɪkɔlaʊz
nicolay ˈnɪkəˌlaɪ
nicoletti ˌnɪkaʊˈlɛti
nicolo ˈnɪkɔˌloʊ
nicorette ˈnɪkəˌrɛt
nmr
no-one's ˈnoʊwənz
non-smoking ˈnɑnsˈmoʊkɪŋ
non-zero-sum
nona ˈnoʊnɑ
nonbeliever ˌnɑnbɪˈlivər
nonbelievers ˌnɑnbɪˈlivərz
notepad
notepads
noticed ˈnoʊtɪst
notional
nucleotides
numerate
numerator
numerators
nunavut
nureyev ˌnʊˈreɪəv
nvidia
nympho
nymphomaniac's
o'bringer oʊˈbrɪŋˌgər
obamacare
obloquy
observational
occasional ɔˈkeɪʒənəl
occasionally ɔˈkeɪʒənəˌli
occasioned ɔˈkeɪʒənd
occasions ɔˈkeɪʒənz
occhoa's ˌoʊˈʧoʊɑz
occidental ˌɑksəˈdɛntəl
occidental's ˌɑksəˈdɛntəlz
occuring
ocular
oecd
office ˈɔfəs
offseason
ohashi oʊˈhɑʃi
ohbayashi ˌoʊbɑˈjɑʃi
ohkawara ˌoʊˌkɑˈwɑrə
om
one-man ˌwəˈmæn
one-night ˌwəˈnaɪt
one-on-one ˌwənɔnˈwən
one-time ˈwəˌtaɪm
one-upmanship ˌwəˈnəpmænˌʃɪp
opiate ˈoʊpiət
opiates ˈoʊpiəts
opie ˈoʊpi
opposite ˈɑpəzɪt
opposites ˈɑpəzɪts
optima ˈɑptɪmə
optimal ˈɑptɪməl
optimism ˈɑptɪˌmɪzəm
optimist ˈɑptɪmɪst
optimistic ˌɑptɪˈmɪstɪk
optimists ˈɑptɪˌmɪsts
optimization ɑptɪmɪˈzeɪʃən
optimize ˈɑptɪˌmaɪz
optimized
optimizing
optimum ˈɑptɪməm
orbitals
orkut ˌɔrˌkʊt
orleanian ˌɔˈrliˌniən
orleanians ˌɔˈrliˌniənz
osbournes
otiose
outsmarted ˈaʊtsˌmɑrtəd
outvoted aʊtˈvoʊtəd
outwitted ˈaʊtˌwɪtəd
ovalle ˌoʊˈvɑli
overclock
overclocking
overextended ˌoʊvərɪkˈstɛndəd
overprotected ˌoʊvərprəˈtɛktəd
oxidase
oxidative
oxydative
oxygenated ˈɑksəʤəˌneɪtəd
pago-pago
pago_pago ˌpɑgoʊˈpɑgoʊ
painted ˈpeɪnɪd
painter ˈpeɪnər
painter's ˈpeɪnərz
painterly ˈpeɪnərli
painters ˈpeɪnərz
painting ˈpeɪnɪŋ
paintings ˈpeɪnɪŋz
pajak ˈpaɪʤɑk
palimpsest
palpitated ˈpælpəteɪtəd
pantera
pantsuit ˈpæntˌsut
pantsuits ˈpæntˌsuts
papas ˈpɑˌpɑz
paperboy ˈpeɪpərˌbɔɪ
paperboy's ˈpeɪpərˌbɔɪz
paperboys ˈpeɪpərˌbɔɪz
pareto
parliament ˈpɑrləmɛnt
parliament's ˈpɑrləmɛnts
parliamentarian ˌpɑrləmɛnˈtɛriən
parliamentarianism ˌpɑrləmɛnˈtɛriəˌnɪzəm
parliamentary ˌpɑrləˈmɛntəri
parliaments ˈpɑrləˌmɛnts
partnered
pathogenesis
pathologic
patois
paypal
paypal's
payroll's
pdf
pedant
pedants
peer-to-peer ˌpɪrtoʊˈpɪr
pelchat ˈpɛlʧɑt
pensiveness
percolated ˈpərkəˌleɪtəd
perfected pərˈfɛktəd
perfusion
peritoneal
permanent ˈpərmɑˌnɛnt
permanente ˌpərmɑˈnɛnˌteɪ
permanently ˈpərmɑˌnɛnˌtli
permutated ˈpərmjuˌteɪtəd
persecuted ˈpərsəˌkjutəd
petrossian pəˈtroʊsjən
petrosynthese pəˈtroʊsɪnˌθis
pettiness ˈpɛtiˌnɛs
peyote
pga
pga's
pharisee
pharisees
pho
photoshopped
php
physiologic
picaresque
pigment ˈpɪgmɛnt
pigments ˈpɪgˌmɛnts
pinterest
piton
pitons
plaited ˈpleɪtəd
planted ˈplænɪd
plautus
playlist
playlists
pleural
plugin
plugins
poetical
poetics
pointed ˈpɔɪntɪd
pointedly ˈpɔɪntɪˌdli
pointenoire ˈpɔɪntənˌwɑr
poirier pˌwɑriˌeɪ
poirrier ˈpɔɪriˌeɪ
pokemon
polyglot ˌpɑlɪˈglɑt
polygonal pɑˈlɪgənəl
polynomials
pookie
poplins
poppadom
populated ˈpɑpjəˌleɪtəd
popup
port_au_prince ˈpɔrtoʊˈprɪns
porthos
portmanteau
poseur
poseurs
posited ˈpɑzətəd
postdated ˌpoʊstˈdeɪtəd
postle ˈpɑstəl
postmarked ˈpoʊstˌmɑrkt
postmaster ˈpoʊstˌmæstər
postmasters ˈpoʊstˌmæstərz
postmodern poʊstˈmɑdərn
postmodernism
postmortem poʊstˈmɔrtɛm
postnatal ˈpoʊstˈneɪtəl
postoperative
postpone poʊstˈpoʊn
postponed poʊstˈpoʊnd
postponement poʊstˈpoʊnmənt
postponements poʊstˈpoʊnmənts
postpones poʊstˈpoʊnz
postponing poʊstˈpoʊnɪŋ
postscripts ˈpoʊstˌskrɪpts
posttraumatic ˌpoʊstrɔˈmætɪk
postulated
potage ˈpɔtəʤ
pottage
poudrier ˈpaʊˌdriər
powell ˈpɑwɛl
powell's ˈpɑwɛlz
pozzi ˈpɔzi
ppm
pr
practicing ˈpræktɪsɪŋ
praeger
precipice ˈprɛsɪpəs
predefined
preoperative
preordered
preorders
presidencies ˈprɛzɪdənsiz
presidency ˈprɛzɪdənsi
presidency's ˈprɛzɪdənsiz
presidential ˌprɛzɪˈdɛnʃəl
presidential's ˌprɛzɪˈdɛnʃəlz
presidentialist ˌprɛzɪˈdɛnʃəlɪst
presidentially ˌprɛzɪˈdɛnʃəli
presidents ˈprɛzɪˌdɛnts
prevaricated prəˈvɛrəkeɪtəd
priori
privileges ˈprɪvɪˌlɪʤɪz
priyam praɪəm
prizant ˈprɪˌzɑnt
probabilistic
probabilistically
proceeded prəˈsidəd
procrastinated prəˈkræstəˌneɪtəd
procreated ˈproʊkriˈeɪtəd
projected prɑˈʤɛktəd
projectile prɑˈʤɛktəl
projectiles prɑˈʤɛktəlz
projecting prɑˈʤɛktɪŋ
projection prɑˈʤɛkʃən
projections prɑˈʤɛkʃənz
projective prɑˈʤɛktɪv
projector prɑˈʤɛktər
projectors prɑˈʤɛktərz
promoted prəˈmoʊtəd
promulgated ˈprɑməlˌgeɪtəd
propounded prəˈpaʊndəd
prosciutto
protested ˈproʊˌtɛstəd
prototype ˈproʊtoʊˌtaɪp
prototypes ˈproʊtoʊˌtaɪps
prototypical ˌproʊtoʊˈtɪpɪkəl
pshaw
psychopathologies
psychopathology
ptsd
public-spirited ˈpəblɪkˈspɪrɪtəd
puerto-rican
puerto-ricans
puerto_rican ˈpɔrtəˈrikən
puerto_ricans ˈpɔrtəˈrikənz
puerto_rico ˈpɔrtəˈrikoʊ
puget-1 ˈpjuʤɪtˈwən
pulsed
punxatauney
pussyfooted ˈpʊsiˈfʊtəd
pvc
pythagoras
qaeda
quadratic
quahog
quai keɪ
quay's
quays
quetzalcoatl
quinoa
quipster
quod
quoin
quotron kˈwoʊtrɔn
quotron's kˈwoʊtrɔnz
rabbinic
radiographic
rampart
rathfarnham
razr
rca
readmission
realty ˈriəlˌti
recited rəˈsaɪtəd
recombination
reconnoitre
recuperated rɪˈkupərˌeɪtəd
recursive
reddit
redoubtable rəˈdaʊtəbəl
redound rɪˈdaʊnd
reducible rɪˈdusəbəl
reduction rɪˈdəkʃən
reductions rɪˈdəkʃənz
reeducation ˈriˌɛʤəˌkeɪʃən
reflux
refunders
regale
reitzfeld ˈritsˌfɛld
related rɪˈleɪtɪd
rentier
repainted riˈpeɪntəd
replicas ˈrɛplɪkəz
replicate ˈrɛplɪˌkeɪt
replication ˌrɛplɪˈkeɪʃən
reported ˌriˈpɔrtəd
repost
reposted
represented ˌrɛprɪˈzɛnɪd
representing ˌrɛprɪˈzɛnɪŋ
repudiated riˈpjudiˌeɪtəd
resection
resend
resistor
respawn
retarget
retargeter
retargeters
retargeting
reveille
richaud ˌriˈʃoʊd
ricostruzione riˌkoʊstruziˈoʊˌneɪ
ricotta
rime
rna
roadmap
rockstar
rollin ˈroʊlɪn
ronaldo
roosting
rosenau ˈroʊzəˌnaʊ
rottweiler
rottweilers
rowboats
rowell ˈroʊwəl
rowen ˈroʊwən
rsvp
rte
rues
rygiel ˈrɪˌgiəl
saas
sakharov sɑˈkɑˌrɔv
sakigake ˌsɑkiˈgɑˌkɛ
sakura ˌsɑˈkuˌrɑ
sakurai ˌsɑˈkuˌraɪ
salesforce
salivated ˈsæləˌveɪtəd
salsa ˈsɑlsə
salsberry ˈsælsbəri
salser ˈsælsər
saluted səˈlutəd
samosa
sangfroid
satay
satiated
satiety
satsuma
satsumas
sba
sbf ˈɛsˈbiˈɛf
scalability
scaleatron ˈskeɪliətrɔn
sceptic
sceptics
schwa
scialdone ˈʃɔldoʊˌnɛ
scouted ˈskaʊtəd
screenshot
screenshots
screw-up
scrolling
scsi
sebastopol
secreted səˈkritəd
segmenting
segway
segways
seismologist ˌsaɪzˈmɑləʤɪst
seismologists ˌsaɪzˈmɑləʤɪsts
self-interest ˌsɛlˈfɪntəˌrɛst
self-organization ˌsɛlˌfɔrgənɪˈzeɪʃən
self-organizing ˌsɛlˌfɔrgənɪzɪŋ
separator
separators
sephora
sepultura
sepultura's
servility
sevastopol
sh
sha'ath ʃɑəθ
shagging
shaging ˈʃægɪŋ
shanna
sheeran's
shepardson ˈʃɛpərdsən
shh
shigeki ʃɪˈgeɪki
shigekuni ˌʃigɪˈkuni
shigeo ʃɪˈgeɪoʊ
shigeru ʃɪˈgeɪru
shirted ˈʃərtəd
shit's
shitload
shits ʃɪt
shoebox ˈʃubɑks
shoelaces ˈʃuˌleɪsɪz
short-lived ˌʃɔrˈtlɪvd
short-sighted ˌʃɔrtˈsaɪtəd
shortcrust
sias saɪ
sidener ˈsaɪdnər
siesta
sikhism
singularity
sinn sɪn
sirius
ska
skurdal ˈskərdɑl
slagging
slovacek sˈlɑvɑʧɛk
smarted sˈmɑrtəd
smartphone
smartphones
smola sˈmoʊlə
snog
snores
snowshoes
snuggled
sobkowiak səbˈkoʊvɪˌæk
sobocinski ˌsɔbəˈʧɪnski
sobota soʊˈboʊtə
sobotka soʊˈboʊtkə
sobriety soʊˈbraɪəti
sobriquet ˌsoʊbrəˈkɛt
societies səˈsaɪɪtiz
society soʊˈsaɪɪti
society's soʊˈsaɪɪtiz
solubility
solubles
solute
solutes
soma ˈsoʊmə
somatic
somme
sonet ˈsoʊnɛt
sonex ˈsoʊnɛks
sophistry
soppy
sorcha ˈsɔrkə
soucie ˈsuˌsi
sough
souljah ˈsoʊˌljɑ
soundest ˈsaʊndɪst
southpaw
spacex
spamming
spartacus ˈspɑrtɑkəs
speakerphone
sphincter
sphincters
spieth spaɪəθ
spieth's
spirited ˈspɪrɪtəd
spongebob
spongeform ˈspənʤɪˌfɔrm
sponges ˈspənʤɪz
spotify
spouted ˈspaʊtəd
spumoni
sql
squamous
ss
ssn
st
st-charles
st-clair
st-claire
st-cyr
st-denis
st-dennis
st-george
st-germain
st-germaine
st-hilaire
st-jacques
st-jean
st-john
st-julien
st-laurent
st-lawrence
st-louis
st-lucia
st-marie
st-martin
st-mary
st-peter
st-petersburg
st-pierre
st-thomas
st_charles ˈseɪnˈtʧɑrəlz
st_clair ˈseɪntˈklɛr
st_claire ˈseɪntˈklɛr
st_cyr ˈseɪntˈsɪr
st_denis ˈseɪntˈdɛnɪs
st_dennis ˈseɪntˈdɛnɪs
st_george ˈseɪnˈtʤɔrʤ
st_germain ˈseɪnˌtʤərˈmeɪn
st_germaine ˈsɑnˌʒərˈmeɪn
st_hilaire ˈseɪnthɪˈleɪr
st_jacques ˈsɑnˈʒɑks
st_james ˈseɪnˈtʤeɪmz
st_jean ˈseɪnˈtʤin
st_john ˈseɪnˈtʤɑn
st_johns ˈseɪnˈtʤɑnz
st_julien ˈseɪnˈtʤuliən
st_laurent ˈsɑnˌlɔˈrɔnt
st_lawrence ˈseɪnˈtlɔrəns
st_louis ˈseɪnˈtluəs
st_lucia ˈseɪnˌtluˈsiə
st_marie ˈseɪntmərˈi
st_martin ˈseɪntˈmɑrtɪn
st_mary ˈseɪntˈmɛri
st_peter ˈseɪntˈpitər
st_petersburg ˈseɪntˈpitərzbərg
st_pierre ˈseɪntˈpjɛr
st_thomas ˈseɪnˈtɑməs
stadia ˈstɑˌdiɑ
stalag
stalagmite
standalone
stanhope ˈstænˌhoʊp
stanislas ˈstænɪslɑs
stanislawski ˌstænɪsˈlɑfˌski
staniszewski ˌstænɪˈʃɛfˌski
starrett ˈstærɛt
stenosis
step-by-step
stepmom
stereographic ˌstɛˌrioʊˈgræfɪk
stereolab ˈstɛˌrioʊˌlæb
stereotype ˈstɛrioʊˌtaɪp
stereotyped ˈstɛrioʊˌtaɪpt
stereotypes ˈstɛrioʊˌtaɪps
stereotypical ˌstɛrioʊˈtɪpɪkəl
stereotyping ˈstɛrioʊˌtaɪpɪŋ
stilton
stratification
stronger ˈstrɔŋgər
strudel
stupak ˈstupɑk
stupidly ˈstupəˌdli
submitted səbˈmɪtəd
subroutine
subsequence
subsets
substituted ˈsəbstəˌtutəd
subunit
subunits
subway's
supercalifragilisticexpialidocious ˌsupərˌkæləˈfræʤəˌlɪstɪˌkɛkspiˌæləˈdoʊʃəs
superseded ˌsupərˈsidəd
suppes ˈsupis
supplanted səˈplæntəd
supplemental ˌsəpləˈmɛntəl
supplementary ˌsəpləˈmɛntəˌri
supplementing ˌsəpləˈmɛntɪŋ
supplements ˌsəpləˈmɛnts
surveymonkey
svp
swackhamer sˈwæˌkhæmər
symmetric
synaptic
synchronous
synonyms
syntactic
systolic
t-mobile ˈtiˌmoʊbəl
t_a_c ˈtiˈeɪˈsi
tabbouleh
tac tæk
tachycardia
tacoma's təˈkoʊmɑz
takeaway
takeaways
takeshita's ˌtɑkəˈʃitɑz
takihyo təˈkiˌhjoʊ
tandoor
tandoori
tangelo
taoiseach
taoiseach's
taxonomies
taxonomy
techcrunch
tel-aviv
tel_aviv ˈtɛlɑˈviv
teleology
templates
tensor
tensors
tentative ˈtɛntətɪv
tentatively ˈtɛntətɪvli
terminus
terra's ˈtɛˌrɑz
terracotta
terre-haute
terre_haute ˈtɛrəˈhət
terrebonne ˌtərəˈbɔn
terrones ˈtɛˌrɔnɛz
terrorism ˈtɛrəˌrɪzəm
terroristic ˌtɛrəˈrɪstɪk
terrorists ˈtɛrəˌrɪsts
terrorize ˈtɛrəˌraɪz
terrorized ˈtɛrəˌraɪzd
terrorizes ˈtɛrəˌraɪzɪz
terrorizing ˈtɛrəˌraɪzɪŋ
testers ˈtɛstərz
testified ˈtɛstɪˌfaɪd
testifies ˈtɛstɪˌfaɪz
testify ˈtɛstɪˌfaɪ
testifying ˈtɛstɪˌfaɪɪŋ
testimonial ˌtɛstɪˈmoʊniəl
testimonials ˌtɛstɪˈmoʊniəlz
testimonies ˈtɛstɪˌmoʊniz
testimony ˈtɛstɪˌmoʊni
tew tu
thankfulness
theater ˈθieɪtər
theater's ˈθieɪtərz
theatergoer ˈθieɪtərˌgoʊər
theatergoers ˈθieɪtərˌgoʊərz
theda's ˈθiˌdɑz
theorbo
theorems
thereto
thermodynamic
thermodynamics
thesauri
thesis ˈθiˌsɪs
they'll ðɛl
thieve
thirtieth ˈθərtiˌɛθ
thirty ˈθərˌdi
thirty's ˈθərˌdiz
thither
ths
tilde
time-out
time0-out ˈtaɪˌmaʊt
timezone
tinnitus
tlc
tolerated ˈtɑlərˌeɪtəd
tolkien
toluene
tonight təˈnaɪt
tonight's təˈnaɪts
tonsil ˈtɑnsɪl
top-down ˈtɔpˌdaʊn
top-secret ˈtɔpˌsikrɪt
topanga toʊˈpæŋˌgɑ
topeka's təˈpikɑz
touche ˈtuˌʃeɪ
towhee
toyama toʊˈjɑmə
toyboy
traceabilities
traceability
trainings
translated trænzˈleɪtəd
transported trænˈspɔrtəd
travelocity
trente-et-quarante ˈtrɑnˌteɪˌkɑˈrɑnt
trippy
triptychs
trireme
trivest ˈtrɪvɛst
troubleshoot
troubleshooting
troubleshoots
tubbercurry
tuber
tubers
tudor's ˈtudərz
tuhan ˌtuˈhɑn
tulip ˈtulɪp
tulips ˈtulɪps
tulley ˈtəli
tumey ˈtumi
turbid
turmeric
turrell təˈrɛl
twat
twats
tweeted
tweets
twentieth tˈwɛnˌtiɛθ
twink
twitchy
tyers
tyo taɪoʊ
typologies
typology
tyre taɪər
u_l ˈjuˈɛl
u_s_m_c ˈjuˈɛˈsɛmˈsi
uber ˈubər
ugandan ˌjuˈgɑndɑn
ui
uk
ul əl
unalienable əˈneɪliˌɛnəbəl
unappetizing ˌəˈnæpɪˌtaɪzɪŋ
unbox
unboxing
uncomfortably ənˈkəmftəbli
uncontaminated ˌənkənˈtæməˌneɪtəd
underkoffler ˈəndərˌkɔfələr
underpriviledged ˌəndərˈprɪvlɪʤd
underprivileged
undifferentiated ənˌdɪfəˈrɛnʃiˌeɪtɪd
unfolded ənˈfoʊldəd
uninstall
uninterested əˈnɪntrəstəd
unleaded ənˈlɛdəd
unstressed
up-front
uplink ˈuˌplɪŋk
uploads
upside-down ˌəpˈsaɪˌdaʊn
upvote
upvoted
upvotes
upvoting
url
urls
us ˈjuˈɛs
usa ˈjuˈɛˈseɪ
usa's
usaid ˈjuˈɛˈseɪd
usair ˈjuˈɛˈsɛr
usair's ˈjuˈɛˈsɛrz
usairways ˈjuˈɛˈsɛrˌweɪz
usameribancs ˈjuˈɛsəˈmɛrɪˌbænks
usb
usbancorp ˈjuˈɛsˈbæŋˌkɔrp
usda
username
usernames
usmc
uss ˈjuˈɛˈsɛs
ussr
uv
v_s viɛs
vacated ˈveɪkeɪtəd
validated ˈvælədeɪtəd
valiente ˌvɑliˈɛnˌti
valium ˈvæˌliəm
van-gogh
van_gogh ˈvænˈgoʊ
variegated ˈvɛrɪgeɪtəd
ve vi
velveteen
ventilate ˈvɛntɪˌleɪt
ventilated ˈvɛntɪˌleɪtɪd
ventilating ˈvɛntɪˌleɪtɪŋ
ventilation ˌvɛntɪˈleɪʃən
ventilator ˈvɛntɪˌleɪtər
ventricle
ventricles
vestibular
vestibules
vexes
viagra vaɪˈægrə
viber
vibrational
vibrators
vice-presidential ˈvaɪˌsprɛzəˈdɛnʃəl
vidalia ˌvaɪˈdeɪljə
vidor ˈvidɔr
villareal ˌvɪləˈriɑl
vincent's ˈvɪnsɛnts
viramune
virgule
virgules
vitiate
vociferated vəˈsɪfəreɪtəd
voracity vɔˈræsəti
voyage vɔɪəʤ
vs ˈvərsəz
w00t wut
wadi
wainscot
wakeham ˈwækhəm
walkthrough
wall-e
wall-tex ˈwɔlˈtɛks
walla ˈwɔlə
wallabies ˈwɑləbiz
wallaby ˈwɑləbi
walmarts
wanker
wankers
warez
was wɑz
wasiyu wəˈsiˌju
waterford's
waveform
waveforms
webinar
webmasters
webpage
wellingtons
westlife
westlife's
wexford
wexford's
weyerhaeuser's ˈwɛərˌhaʊzərz
whatsapp
wherefore
whiz-zip-bang ˌwɪˌzɪpˈbæŋ
wickwire ˈwɪskvaɪr
wiggled
wiggles
wilensky wəˈlɛnˌski
wintergreen
wishlist
wodehouse
wodehouse's
wolfenstein
woodland's
woods's
wordpress
workaholic ˈwərkəˈhɑlɪk
workaround
workbook
workbooks
workspace
worldview
wozniak ˈvɑzniæk
woznicki vəzˈnɪtski
writhed
wy weɪ
wynonna
wysiwig
xanadu
xbox
xero
yardbirds
yelped
yipee
yolo
youtube ˈjuˌtub
zambito ˌzæmˈbitoʊ
zamboni
zappos ˈzæˌpoʊz
ze zeɪ
zea ˈziə
zedong zəˈdɔŋ
zentralsparkasse ˈzɛntrəlˌspɑrˌkɑsɪ
zero ˈziroʊ
zero's ˈziroʊz
zeroed ˈziroʊd
zeroes ˈziroʊz
zipcar ˈzɪpˌkær
zipcar's ˈzɪpˌkærz
zipcars ˈzɪpˌkærz
zoey
zohn
zooey
zoolander
zoolander's
zooropa
zysk zɪsk
`;
