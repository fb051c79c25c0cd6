package io.halqe.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThemeTaggerTest {

    private static final CommentNormalizer NORMALIZER = new CommentNormalizer();
    private static final ThemeTagger TAGGER = new ThemeTagger();

    /** "checkout line" (queue) contains "checkout" (payment); "fee" names both payment and price. */
    private static final ThemeTaxonomy SHOP = new ThemeTaxonomy(List.of(
            new Theme("queue", Map.of("en", List.of("checkout line"))),
            new Theme("payment", Map.of("en", List.of("checkout", "fee"))),
            new Theme("price", Map.of("en", List.of("fee", "expensive")))));

    private static TaggedThemes tag(String text, ThemeTaxonomy taxonomy) {
        return TAGGER.tag(NORMALIZER.normalize(text, null), taxonomy);
    }

    @Test
    void tag_shouldListEachThemeOnceInTheTaxonomysOrder_whenTermsNameThemInAnotherOrder() {
        // GIVEN a billing term before three delivery terms, and no taxonomy (the defaults)
        // WHEN tagged
        TaggedThemes tagged = tag("I was charged twice, the courier was late and the delivery a mess", null);

        // THEN delivery (first in the defaults) comes before billing, once, while every term is evidence
        assertThat(tagged.ids()).containsExactly("delivery", "billing");
        assertThat(tagged.evidence()).filteredOn(m -> m.detail().equals("delivery")).extracting(Match::term)
                .containsExactly("courier", "late", "delivery");
        assertThat(tagged.terms()).extracting(FoundTerm::text)
                .containsExactly("charged twice", "courier", "late", "delivery");
    }

    @Test
    void tag_shouldMatchTheLongerPhraseWithinAClause_whenThemeTermsOverlap() {
        // GIVEN "checkout line" and "checkout" of two themes, once together and once split by a comma
        // WHEN tagged
        TaggedThemes together = tag("The checkout line was long", SHOP);
        TaggedThemes split = tag("At the checkout, line after line", SHOP);

        // THEN the longer phrase wins, but never across a clause
        assertThat(together.ids()).containsExactly("queue");
        assertThat(together.terms()).singleElement().returns(1, FoundTerm::start).returns(3, FoundTerm::end);
        assertThat(split.ids()).containsExactly("payment");
    }

    @Test
    void tag_shouldNameEveryTheme_whenThemesShareATerm() {
        // GIVEN "fee", a term of payment and of price
        // WHEN tagged
        TaggedThemes tagged = tag("The fee is too high", SHOP);

        // THEN the comment has both themes, one piece of evidence each
        assertThat(tagged.ids()).containsExactly("payment", "price");
        assertThat(tagged.evidence()).containsExactly(new Match("theme", "fee", "payment"),
                new Match("theme", "fee", "price"));
    }

    @Test
    void tag_shouldMatchEnglishTermsToo_whenAPersianCommentMixesThemIn() {
        // GIVEN a Persian comment with an English word of a theme, and an English comment with a Persian term
        // WHEN tagged with the defaults
        TaggedThemes persian = tag("کیفیت خوب بود ولی delivery خیلی طول کشید", null);
        TaggedThemes english = tag("The ارسال was fine, thanks for the app", null);

        // THEN the Persian one finds it, the English one reads English terms only
        assertThat(persian.evidence()).contains(new Match("theme", "delivery", "delivery"));
        assertThat(english.ids()).doesNotContain("delivery");
    }

    @Test
    void tag_shouldFindNothing_whenTheTaxonomyHasNoTermsForTheComment() {
        // GIVEN a comment about the app and a taxonomy about shops
        // WHEN tagged
        TaggedThemes tagged = tag("The app crashes", SHOP);

        // THEN nothing is found
        assertThat(tagged.ids()).isEmpty();
        assertThat(tagged.terms()).isEmpty();
        assertThat(tagged.evidence()).isEmpty();
    }

    @Test
    void tag_shouldAddOnlyThemesOfTheTaxonomy_whenAContextRuleMovesATermToAnotherTheme() {
        // GIVEN a survey taxonomy with billing but no product_quality, and a phone's charge
        ThemeTaxonomy billingOnly = new ThemeTaxonomy(List.of(
                new Theme("billing", Map.of("en", List.of("charge", "invoice")))));

        // WHEN tagged with it and with the defaults
        TaggedThemes survey = tag("My phone battery won't hold a charge", billingOnly);
        TaggedThemes defaults = tag("My phone battery won't hold a charge", null);

        // THEN billing is taken away in both, and product_quality is only added where the taxonomy has it
        assertThat(survey.ids()).isEmpty();
        assertThat(survey.evidence()).contains(new Match("theme-context", "charge", "not billing near battery"));
        assertThat(defaults.ids()).containsExactly("product_quality");
    }

    @Test
    void tag_shouldLeaveAWeakMentionOut_whenAnotherTermNamesATheme() {
        // GIVEN a coupon (a weak price term) beside the checkout, and a discount on its own
        // WHEN tagged with the defaults
        TaggedThemes beside = tag("Checkout page throws an error when I apply the coupon.", null);
        TaggedThemes alone = tag("Is there a discount for students?", null);

        // THEN the coupon is left out beside the checkout, with evidence why, and the discount alone names the price
        assertThat(beside.ids()).containsExactly("usability");
        assertThat(beside.evidence()).contains(new Match("theme-weak", "coupon", "not price beside usability"));
        assertThat(alone.ids()).containsExactly("price");
    }

    @Test
    void tag_shouldReadASurveysWeakTerm_whenWrittenWithATilde() {
        // GIVEN a survey taxonomy whose "~checkout" is a mere mention of payment
        ThemeTaxonomy shop = new ThemeTaxonomy(List.of(
                new Theme("payment", Map.of("en", List.of("~checkout"))),
                new Theme("queue", Map.of("en", List.of("queue")))));

        // WHEN tagged alone and beside a queue
        // THEN it names payment alone, not beside the queue
        assertThat(tag("At the checkout", shop).ids()).containsExactly("payment");
        assertThat(tag("At the checkout the queue was long", shop).ids()).containsExactly("queue");
    }

    @Test
    void tag_shouldReadAFeeAsACharge_whenItStandsOnAStatement() {
        // GIVEN a fee on a statement and a fee for a service
        // WHEN tagged
        TaggedThemes onStatement = tag("There's a fee on my statement I never agreed to.", null);
        TaggedThemes forService = tag("The fee for transfers abroad is too high.", null);

        // THEN the first is billing only, the second the price
        assertThat(onStatement.ids()).containsExactly("billing");
        assertThat(forService.ids()).containsExactly("price");
    }

    @Test
    void tag_shouldReadAChargeAsThePrice_whenThePriceIsCalledARobbery() {
        // GIVEN what a garage charges, called a robbery
        // WHEN tagged
        TaggedThemes tagged = tag("They charge 300 for an oil change, daylight robbery.", null);

        // THEN it is the price, not a charge to dispute
        assertThat(tagged.ids()).containsExactly("price");
    }

    @Test
    void tag_shouldNotTakeACarForAParcel_whenPickedUpAfterItsService() {
        // GIVEN a car picked up from its service, in English and Arabic
        // WHEN tagged
        TaggedThemes english = tag("Picked up my car after the service and the brakes still squeal.", null);
        TaggedThemes arabic = tag("استلمت السيارة من الصيانة والفرامل لسا تصفر", null);

        // THEN the workmanship is the theme, not a delivery
        assertThat(english.ids()).containsExactly("product_quality");
        assertThat(arabic.ids()).containsExactly("product_quality");
    }

    @Test
    void tag_shouldReadABagAsDelivery_whenLostAtTheAirportButNotWhenItsZipBreaks() {
        // GIVEN bags at an airport and a bag's zip
        // WHEN tagged
        TaggedThemes airport = tag("Our bags never came off the belt at the airport.", null);
        TaggedThemes zip = tag("The zip on the bag broke after a week.", null);

        // THEN only the airport's bags are a delivery problem
        assertThat(airport.ids()).containsExactly("delivery");
        assertThat(zip.ids()).containsExactly("product_quality");
    }

    @Test
    void tag_shouldNotTakeARefundForAParcel_whenItWasNotReceived() {
        // GIVEN a refund not received WHEN tagged
        TaggedThemes tagged = tag("I still haven't received my refund.", null);

        // THEN it is billing alone
        assertThat(tagged.ids()).containsExactly("billing");
    }

    @Test
    void tag_shouldReadArabicKhasmAsADeduction_whenItIsTakenFromACard() {
        // GIVEN خصم taken from a card, and خصم for students
        // WHEN tagged
        TaggedThemes fromCard = tag("فيه خصم خاطئ من بطاقتي.", null);
        TaggedThemes forStudents = tag("هل في خصم للطلاب؟", null);

        // THEN the first is a deduction (billing), the second a discount (price)
        assertThat(fromCard.ids()).containsExactly("billing");
        assertThat(forStudents.ids()).containsExactly("price");
    }

    @Test
    void tag_shouldReadArabicAlKhidmaByItsNeighbours_whenItCutsOutOrIsSlowInACafe() {
        // GIVEN a service that cuts out and a slow service in a restaurant
        // WHEN tagged
        TaggedThemes outage = tag("الخدمة تفصل كل يوم الساعة ٨.", null);
        TaggedThemes restaurant = tag("الخدمة بطيئة جدا في المطعم.", null);

        // THEN the first is the network's quality, the second the staff's
        assertThat(outage.ids()).containsExactly("product_quality");
        assertThat(restaurant.ids()).containsExactly("support");
    }

    @Test
    void tag_shouldReadAPowerCutAsQuality_butACallCutAsSupport() {
        // GIVEN electricity that cuts out and a call that cuts out
        // WHEN tagged
        TaggedThemes power = tag("الكهرباء تنقطع كل يوم", null);
        TaggedThemes call = tag("انتظرت على الخط وانقطعت المكالمة", null);

        // THEN only the electricity is product quality
        assertThat(power.ids()).containsExactly("product_quality");
        assertThat(call.ids()).containsExactly("support");
    }

    @Test
    void tag_shouldReadPersianHesabByItsNeighbours_whenBlockedOrWhenMoneyLeavesIt() {
        // GIVEN a blocked حساب, a sign-in that takes a little (کمی) while, and a SIM top-up («شارژ … خطم»)
        // WHEN tagged
        TaggedThemes blocked = tag("حسابم مسدود شده", null);
        TaggedThemes slowSignIn = tag("ورود به حساب کمی طول می‌کشد", null);
        TaggedThemes topUp = tag("شارژ ۲۰ تومنی زدم ولی روی خطم نیومد", null);

        // THEN the blocked account is usability, «کمی» takes no money, the top-up is billing
        assertThat(blocked.ids()).containsExactly("usability");
        assertThat(slowSignIn.ids()).containsExactly("usability");
        assertThat(topUp.ids()).containsExactly("billing");
    }

    @Test
    void tag_shouldNotReadAGymsFacilitiesAsAppFeatures_whenPersianAmkanatStandsNearTheGym() {
        // GIVEN «امکانات» of a gym WHEN tagged
        TaggedThemes tagged = tag("امکانات باشگاه خیلی کمه", null);

        // THEN it names no app feature
        assertThat(tagged.ids()).doesNotContain("usability");
    }

    @Test
    void tag_shouldNameQuality_whenAClinicOrAUtilityIsDescribed() {
        // GIVEN a doctor's treatment and a power cut WHEN tagged
        // THEN each is the core service's quality
        assertThat(tag("The doctor rushed the treatment.", null).ids()).containsExactly("product_quality");
        assertThat(tag("Third power cut this week.", null).ids()).containsExactly("product_quality");
    }

    @Test
    void tag_shouldReadAProductNamedAloneAsItsQuality_butNotBesideAThemeTerm() {
        // GIVEN a product named with no theme term, and the same product beside delivery terms
        // WHEN tagged with the defaults
        TaggedThemes alone = tag("The blender is alright I suppose.", null);
        TaggedThemes late = tag("The blender arrived two weeks late.", null);

        // THEN the product alone says product quality; beside "arrived … late" it says nothing
        assertThat(alone.ids()).containsExactly("product_quality");
        assertThat(late.ids()).containsExactly("delivery");
    }

    @Test
    void tag_shouldKeepTheEndingOfAnIngNoun_whenItsStemIsAnotherThemesTerm() {
        // GIVEN a taxonomy where "build" is a quality term, and a comment about a building
        ThemeTaxonomy quality = new ThemeTaxonomy(List.of(new Theme("quality", Map.of("en", List.of("build")))));

        // WHEN tagged
        TaggedThemes building = tag("The building is next to the station.", quality);
        TaggedThemes build = tag("Solid build, no complaints.", quality);

        // THEN "building" is no "build"
        assertThat(building.ids()).isEmpty();
        assertThat(build.ids()).containsExactly("quality");
    }

    @Test
    void tag_shouldFindAnArabicFeminineTerm_whenTheCommentUsesTheMasculine() {
        // GIVEN a taxonomy with only the feminine «رخيصة»
        ThemeTaxonomy cheap = new ThemeTaxonomy(List.of(new Theme("price", Map.of("ar", List.of("رخيصة")))));

        // WHEN a comment uses the masculine «رخيص»
        TaggedThemes tagged = tag("كل شي عندهم رخيص", cheap);

        // THEN it names the theme
        assertThat(tagged.ids()).containsExactly("price");
    }

    @Test
    void tag_shouldNotReadALateCodeAsADelivery_butALateParcelStill() {
        // GIVEN a sign-in code and a parcel that both arrive late
        // WHEN tagged with the defaults
        TaggedThemes code = tag("The login code arrives by SMS ten minutes late.", null);
        TaggedThemes parcel = tag("My parcel arrived ten minutes late.", null);

        // THEN the code is the sign-in's, the parcel a delivery
        assertThat(code.ids()).containsExactly("usability");
        assertThat(parcel.ids()).containsExactly("delivery");
    }

    @Test
    void tag_shouldReadAChargeThatGoesUpAsThePrice_whenABuildingsServiceChargeRises() {
        // GIVEN a service charge that went up
        // WHEN tagged with the defaults
        TaggedThemes tagged = tag("The building's service charge went up again this year.", null);

        // THEN it is the price, not a bill to dispute nor the building's quality
        assertThat(tagged.ids()).containsExactly("price");
    }

    @Test
    void tag_shouldDropAThemeNamedOnlyInAConcessiveClause_whenAnotherThemeIsNamedOutsideIt() {
        // GIVEN a complaint about the food with the courier conceded, and the same two themes side by side
        // WHEN tagged with the defaults
        TaggedThemes conceded = tag("The soup was far too salty, although the courier was quick.", null);
        TaggedThemes persian = tag("با اینکه پیک زود اومد، سوپ خیلی شور بود.", null);
        TaggedThemes both = tag("The soup was far too salty and the courier was slow.", null);
        TaggedThemes alone = tag("Although the courier was quick, that is all I can say.", null);

        // THEN a conceded theme counts only when nothing else is named
        assertThat(conceded.ids()).containsExactly("product_quality");
        assertThat(persian.ids()).containsExactly("product_quality");
        assertThat(both.ids()).containsExactly("delivery", "product_quality");
        assertThat(alone.ids()).containsExactly("delivery");
    }

    @Test
    void tag_shouldNameTheThemeMentionedLast_whenOnlyWeakTermsOfSeveralThemesAreFound() {
        // GIVEN a kettle and a sale, both mere mentions, in either order, and a strong term beside them
        ThemeTaxonomy shop = new ThemeTaxonomy(List.of(
                new Theme("product_quality", Map.of("en", List.of("~kettle", "leaks"))),
                new Theme("price", Map.of("en", List.of("~sale")))));

        // WHEN tagged
        TaggedThemes saleLast = tag("I picked up the kettle in the sale", shop);
        TaggedThemes kettleLast = tag("In the sale I picked up a kettle", shop);
        TaggedThemes strong = tag("The kettle from the sale leaks", shop);

        // THEN the last mention names the comment's theme; beside a strong term neither counts
        assertThat(saleLast.ids()).containsExactly("price");
        assertThat(kettleLast.ids()).containsExactly("product_quality");
        assertThat(strong.ids()).containsExactly("product_quality");
    }

    @Test
    void tag_shouldFindAnArabicVerb_whenItCarriesTheObjectPronounNi() {
        // GIVEN a lexicon verb «يسلم» (hands over)
        ThemeTaxonomy courier = new ThemeTaxonomy(List.of(new Theme("delivery", Map.of("ar", List.of("يسلم")))));

        // WHEN a comment writes it with «ـني» (hands me over)
        TaggedThemes tagged = tag("المندوب ما يسلمني الطلب إلا بعد العصر", courier);

        // THEN the verb is found
        assertThat(tagged.ids()).containsExactly("delivery");
    }

    @Test
    void tag_shouldDropAThemeNamedOnlyAsAContactsTopic_whenAnotherThemeCarriesTheComplaint() {
        // GIVEN contacts "about" an invoice and a parcel that went badly, and a topic with a complaint of its own
        // WHEN tagged with the defaults
        TaggedThemes english = tag("Called the shop about the invoice and the guy was rude and hung up on me.", null);
        TaggedThemes arabic = tag("طلبت أكلم مشرف بخصوص الطلبية ورفضوا يحولوني للمشرف، الموظف كان وقح", null);
        TaggedThemes persian = tag("درباره فاکتور زنگ زدم، کارمندشون خیلی بی‌ادب بود.", null);
        TaggedThemes wrong = tag("I've emailed support about the wrong charge on my card and got no reply.", null);

        // THEN the topic says what the contact was about, not what the comment is about, unless it is a complaint
        assertThat(english.ids()).containsExactly("support");
        assertThat(arabic.ids()).containsExactly("support");
        assertThat(persian.ids()).containsExactly("support");
        assertThat(wrong.ids()).containsExactly("support", "billing");
    }

    @Test
    void tag_shouldReadASumAsThePrice_whenNoChargeIsNamedBesideIt() {
        // GIVEN a sum paid for a cleaning that failed, the same complaint without the sum, and a sum charged twice
        // WHEN tagged with the defaults
        TaggedThemes paid = tag("I paid 300 dollars for the carpet cleaning and the stains are still there.", null);
        TaggedThemes noSum = tag("The stains are still there after the carpet cleaning.", null);
        TaggedThemes persian = tag("۲۵۰ تومن پول بلیت دادیم، صدای سالن افتضاح بود.", null);
        TaggedThemes charged = tag("They charged me 40 dollars twice for the same cleaning.", null);

        // THEN a sum beside another theme states the price, but beside a charge it is the charge's amount
        assertThat(paid.ids()).containsExactly("price", "product_quality");
        assertThat(noSum.ids()).containsExactly("product_quality");
        assertThat(persian.ids()).containsExactly("price", "product_quality");
        assertThat(charged.ids()).containsExactly("billing");
    }

    @Test
    void tag_shouldReadAnIndustrysWordByItsNeighbours_whenALockerATicketOrAPickupIsNotWhatItSeems() {
        // GIVEN a parcel locker and a gym's, a phone nobody picks up, a cinema ticket, a no-show fee, invoices to hunt
        // WHEN tagged with the defaults
        TaggedThemes parcel = tag("Third time the locker has been full and my parcel got sent back to the depot.", null);
        TaggedThemes gym = tag("The gym lockers are broken.", null);
        TaggedThemes phone = tag("The travel agent stopped picking up the phone.", null);
        TaggedThemes cinema = tag("Ticket QR code in the cinema app doesn't load.", null);
        TaggedThemes noShow = tag("Got charged the no-show fee even though I cancelled the appointment.", null);
        TaggedThemes invoices = tag("The app does the job but finding past invoices takes a lot of tapping.", null);

        // THEN each word takes the theme its neighbours give it
        assertThat(parcel.ids()).containsExactly("delivery");
        assertThat(gym.ids()).containsExactly("product_quality");
        assertThat(phone.ids()).containsExactly("support");
        assertThat(cinema.ids()).containsExactly("usability");
        assertThat(noShow.ids()).containsExactly("billing");
        assertThat(invoices.ids()).containsExactly("usability");
    }

    @Test
    void tag_shouldReadAPlatformOrAnAgencysNameAsAMention_whenWhatItDidNamesAnotherTheme() {
        // GIVEN a platform and an estate agency named beside a charge and a deposit, and on their own
        // WHEN tagged with the defaults
        TaggedThemes charged = tag("The learning platform charged me twice for the same month.", null);
        TaggedThemes platform = tag("The learning platform is a mess.", null);
        TaggedThemes deposit = tag("كلمت المكتب العقاري وما رجعوا لي التأمين", null);

        // THEN the name says nothing beside the charge, and names its theme when nothing else does
        assertThat(charged.ids()).containsExactly("billing");
        assertThat(platform.ids()).containsExactly("usability");
        assertThat(deposit.ids()).containsExactly("billing");
    }

    @Test
    void tag_shouldDropAThemeNamedOnlyAsWhatSomethingLacked_whenAnotherThemeCarriesTheComplaint() {
        // GIVEN prices that rose without any change in the content, and the content on its own
        // WHEN tagged with the defaults
        TaggedThemes arabic = tag("سعر الدورة زاد ٣٠٪ من غير أي تغيير في المحتوى.", null);
        TaggedThemes english = tag("The day pass went up to 25 euros without any change in the content.", null);
        TaggedThemes content = tag("The content of the course is thin.", null);

        // THEN what the price came without is not what the comment is about
        assertThat(arabic.ids()).containsExactly("price");
        assertThat(english.ids()).containsExactly("price");
        assertThat(content.ids()).containsExactly("product_quality");
    }

    @Test
    void tag_shouldReadTheServiceNamedAfterAPriceAsWhatIsPriced_whenNoOtherWordJudgesIt() {
        // GIVEN the price of a scale and polish asked, the same service judged, and a cheap laundry that washes well
        // WHEN tagged with the defaults
        TaggedThemes asked = tag("هزینه جرم‌گیری و بروساژ چقدره؟", null);
        TaggedThemes judged = tag("جرم‌گیری خیلی بد بود و هزینه‌ش هم بالا بود.", null);
        TaggedThemes both = tag("المغسلة قريبة ورخيصة والشغل نظيف.", null);

        // THEN the service priced is no quality judgement; one judged, or joined by "and", still is
        assertThat(asked.ids()).containsExactly("price");
        assertThat(judged.ids()).containsExactly("price", "product_quality");
        assertThat(both.ids()).containsExactly("price", "product_quality");
    }

    @Test
    void tag_shouldReadAChannelThatSaysSomethingAsTheSource_whenTheCommentIsAboutWhatItSaid() {
        // GIVEN opening hours read on a website, a payment a portal shows unpaid, and a website that crashes
        // WHEN tagged with the defaults
        TaggedThemes hours = tag("The store was closed at 6pm even though your website says you're open until 9.", null);
        TaggedThemes unpaid = tag("My payment went through but the portal still shows it as unpaid.", null);
        TaggedThemes crash = tag("The website keeps crashing.", null);

        // THEN the channel is only where it was read; a channel that fails is still usability
        assertThat(hours.ids()).isEmpty();
        assertThat(unpaid.ids()).containsExactly("billing");
        assertThat(crash.ids()).containsExactly("usability");
    }

    @Test
    void tag_shouldReadAnUpdateAsAPointInTime_whenAnotherThemeIsNamed() {
        // GIVEN a game that lags since the update
        // WHEN tagged with the defaults
        TaggedThemes tagged = tag("The game lags a lot since the update.", null);

        // THEN the update only dates the lag
        assertThat(tagged.ids()).containsExactly("product_quality");
    }

    @Test
    void tag_shouldDropAThemeNamedOnlyToSayWhenSomethingHappened_whenAnotherThemeCarriesTheComplaint() {
        // GIVEN a double charge seen when opening an app, in three languages, and the same without "when"
        // WHEN tagged with the defaults
        TaggedThemes english = tag("When I opened the app this morning I saw I had been charged twice.", null);
        TaggedThemes arabic = tag("عند فتح التطبيق لقيت المبلغ انخصم مرتين", null);
        TaggedThemes persian = tag("وقتی اپ رو باز کردم دیدم دو بار ازم پول کم شده.", null);
        TaggedThemes both = tag("I opened the app and saw I had been charged twice.", null);

        // THEN the app only dates the charge; named on its own footing it counts
        assertThat(english.ids()).containsExactly("billing");
        assertThat(arabic.ids()).containsExactly("billing");
        assertThat(persian.ids()).containsExactly("billing");
        assertThat(both.ids()).containsExactly("usability", "billing");
    }

    @Test
    void tag_shouldReadASumsUnitAsAPrice_whenANumberComesRightBeforeIt() {
        // GIVEN sums without a currency ("65 a month", "180 a night") and the same unit with no number before it
        // WHEN tagged with the defaults
        TaggedThemes monthly = tag("65 a month for a gym I can only use after 8pm is hard to justify.", null);
        TaggedThemes nightly = tag("The hotel wants 180 a night.", null);
        TaggedThemes within = tag("The blender broke within a month.", null);

        // THEN the sums state a price; "within a month" is no price and no key phrase term
        assertThat(monthly.ids()).containsExactly("price");
        assertThat(nightly.ids()).containsExactly("price");
        assertThat(within.ids()).doesNotContain("price");
        assertThat(within.terms()).extracting(FoundTerm::text).doesNotContain("a month");
    }

    @Test
    void tag_shouldNameSupport_whenACommentTellsOfACallOrAContactThatWentNowhere() {
        // GIVEN calls cut off or hung up, a promised call back and staff at a counter, without the word "support"
        // WHEN tagged with the defaults
        TaggedThemes deadLine = tag("I waited 40 minutes and then the line went dead.", null);
        TaggedThemes onHold = tag("قعدت ٤٠ دقيقة على الانتظار وبعدين الخط فصل.", null);
        TaggedThemes hungUp = tag("طلبت أكلم المدير قالوا مش موجود وقفلوا السكة.", null);
        TaggedThemes callBack = tag("قالوا الفني راح يتواصل معي خلال يوم، صار لي أسبوع.", null);
        TaggedThemes counter = tag("I was told three different things by three different people at the counter.", null);
        TaggedThemes someone = tag("Trying for two weeks to get someone to explain the extra 30 on my phone bill.", null);

        // THEN each is about support (the bill beside it too)
        assertThat(deadLine.ids()).containsExactly("support");
        assertThat(onHold.ids()).containsExactly("support");
        assertThat(hungUp.ids()).containsExactly("support");
        assertThat(callBack.ids()).containsExactly("support");
        assertThat(counter.ids()).containsExactly("support");
        assertThat(someone.ids()).containsExactly("support", "billing");
    }

    @Test
    void tag_shouldNameSupport_whenAContactFormIsAskedToBeMoreThanAForm() {
        // GIVEN a phone number asked for beside a contact form, in Persian and Arabic
        // WHEN tagged with the defaults
        TaggedThemes persian = tag("بهتره یه شماره تلفن واقعی بذارین، نه فقط فرم تماس.", null);
        TaggedThemes arabic = tag("حطوا رقم تلفون نقدر نتصل عليه، مو بس نموذج تواصل.", null);

        // THEN a contact form is a contact channel, not a self-service form
        assertThat(persian.ids()).containsExactly("support");
        assertThat(arabic.ids()).containsExactly("support");
    }

    @Test
    void tag_shouldNameDelivery_whenAParcelCameDamagedOrWasNeverSeen() {
        // GIVEN a crushed or soaked box, a parcel thrown over a gate or left with a neighbour, an order not seen
        // WHEN tagged with the defaults
        TaggedThemes crushed = tag("The box came crushed, one corner completely caved in.", null);
        TaggedThemes soaked = tag("Box was soaked through and the books inside are warped.", null);
        TaggedThemes thrown = tag("بسته رو از بالای در حیاط پرت کردن تو.", null);
        TaggedThemes neighbour = tag("با اینکه نوشته بودم زنگ بزنید، بسته رو دادن دست همسایه.", null);
        TaggedThemes noSign = tag("Still no sign of the school uniform we ordered in July.", null);

        // THEN each is about the delivery
        assertThat(crushed.ids()).containsExactly("delivery");
        assertThat(soaked.ids()).containsExactly("delivery");
        assertThat(thrown.ids()).containsExactly("delivery");
        assertThat(neighbour.ids()).containsExactly("delivery");
        assertThat(noSign.ids()).containsExactly("delivery");
    }

    @Test
    void tag_shouldBlameTheDeliveryNotTheProduct_whenSomethingBrokeOnTheWay() {
        // GIVEN furniture broken on the way, in Persian and Arabic
        // WHEN tagged with the defaults
        TaggedThemes persian = tag("مبل رو آوردن ولی پایه‌ش تو راه شکسته بود.", null);
        TaggedThemes arabic = tag("الكنبة وصلت ورجلها مكسورة من النقل.", null);

        // THEN the break is the delivery's
        assertThat(persian.ids()).containsExactly("delivery");
        assertThat(arabic.ids()).containsExactly("delivery");
    }

    @Test
    void tag_shouldNameThePrice_whenACustomerAsksWhatSomethingWouldCostOrIsCharged() {
        // GIVEN price questions without a price word, and a visit fee before the doctor it is for
        // WHEN tagged with the defaults
        TaggedThemes howMuch = tag("How much would it be to add a second driver to the policy?", null);
        TaggedThemes persian = tag("نصب کولر گازی با خودتونه یا جدا حساب میشه؟", null);
        TaggedThemes arabic = tag("التركيب مشمول ولا بتحسبوه لحال؟", null);
        TaggedThemes visit = tag("ويزيت دكتر متخصص شده ۸۰۰ تومن، كي ميتونه بده؟", null);
        TaggedThemes fee = tag("كشفية الدكتور صارت ٥٠ دينار.", null);

        // THEN each is about the price alone (the policy's driver is no delivery driver)
        assertThat(howMuch.ids()).containsExactly("price");
        assertThat(persian.ids()).containsExactly("price");
        assertThat(arabic.ids()).containsExactly("price");
        assertThat(visit.ids()).containsExactly("price");
        assertThat(fee.ids()).containsExactly("price");
    }

    @Test
    void tag_shouldNameNoPrice_whenNothingIsPaidFor() {
        // GIVEN trouble saved and a car rented («کرایه کردیم», not a fare)
        // WHEN tagged with the defaults
        TaggedThemes saved = tag("The teller spotted a scam message and saved me a lot of trouble.", null);
        TaggedThemes rented = tag("ماشینی که کرایه کردیم ترمزش صدا میداد و لاستیکاش صاف بود.", null);

        // THEN neither is about the price
        assertThat(saved.ids()).containsExactly("support");
        assertThat(rented.ids()).containsExactly("product_quality");
    }

    @Test
    void tag_shouldNameProductQuality_whenTheProductOrTheWorkFailsOrPleasesWithoutAQualityWord() {
        // GIVEN a printer that jams, work that made it worse, fresh flowers in Arabic and Persian
        // WHEN tagged with the defaults
        TaggedThemes jams = tag("The printer jams every third page.", null);
        TaggedThemes worse = tag("The plumber they sent made it worse.", null);
        TaggedThemes arabic = tag("الورد كان فريش.", null);
        TaggedThemes persian = tag("گل‌ها تازه بود.", null);

        // THEN each is about the product or the work itself
        assertThat(jams.ids()).containsExactly("product_quality");
        assertThat(worse.ids()).containsExactly("product_quality");
        assertThat(arabic.ids()).containsExactly("product_quality");
        assertThat(persian.ids()).containsExactly("product_quality");
    }

    @Test
    void tag_shouldNameSupport_whenATicketWasOpenedAboutAnOutage() {
        // GIVEN a ticket opened about an outage, in Arabic, where a ticket alone is a weak mention
        // WHEN tagged with the defaults
        TaggedThemes tagged = tag("فتحت تذكرة بخصوص انقطاع النت ومن ثلاث أيام حالتها قيد المراجعة.", null);

        // THEN the comment is about how the ticket went, the outage its topic
        assertThat(tagged.ids()).containsExactly("support");
    }

    @Test
    void tag_shouldNameTheThemeOfWhatHappened_whenNoThemeWordIsUsed() {
        // GIVEN events customers tell without the theme's word, in the three languages
        // WHEN tagged with the defaults
        TaggedThemes took = tag("They took the money twice.", null);
        TaggedThemes charging = tag("It stopped charging after a week.", null);
        TaggedThemes arabicCharging = tag("بطل يشحن بعد أسبوع.", null);
        TaggedThemes persianOff = tag("دیگه روشن نمیشه.", null);
        TaggedThemes transferred = tag("Nobody picks up, they just kept transferring me.", null);
        TaggedThemes arabicTransferred = tag("كل مرة يحولوني لقسم ثاني.", null);
        TaggedThemes loggedOut = tag("هی از حسابم بیرونم میندازه.", null);
        TaggedThemes wrongAddress = tag("They sent it to the wrong address.", null);
        TaggedThemes persianAddress = tag("بسته رو به آدرس اشتباه فرستادن.", null);
        TaggedThemes opened = tag("الكرتونة جت مفتوحة.", null);

        // THEN each names the theme of the event (a device that stopped charging is no bill)
        assertThat(took.ids()).containsExactly("billing");
        assertThat(charging.ids()).containsExactly("product_quality");
        assertThat(arabicCharging.ids()).containsExactly("product_quality");
        assertThat(persianOff.ids()).containsExactly("product_quality");
        assertThat(transferred.ids()).containsExactly("support");
        assertThat(arabicTransferred.ids()).containsExactly("support");
        assertThat(loggedOut.ids()).containsExactly("usability");
        assertThat(wrongAddress.ids()).containsExactly("delivery");
        assertThat(persianAddress.ids()).containsExactly("delivery");
        assertThat(opened.ids()).containsExactly("delivery");
    }

    @Test
    void tag_shouldLeaveDeliveryOut_whenAnArabicCommentSaysACodeDoesNotCome() {
        // GIVEN a verification code that does not arrive, in Arabic («يوصل» is also a parcel's arriving)
        // WHEN tagged with the defaults
        TaggedThemes tagged = tag("كود التحقق ما يوصل.", null);

        // THEN it is the sign-in's problem, not a delivery
        assertThat(tagged.ids()).containsExactly("usability");
    }

    @Test
    void tag_shouldNameTheTheme_whenAStaffMemberAnOrderOrARepairIsDescribedByWhatHappened() {
        // GIVEN the person spoken to, half an order, and the same noise after a repair
        // WHEN tagged with the defaults
        TaggedThemes person = tag("The person I spoke to had no idea.", null);
        TaggedThemes half = tag("Half the order was missing.", null);
        TaggedThemes noise = tag("بعد التصليح لسه نفس الصوت.", null);

        // THEN support, delivery and product quality
        assertThat(person.ids()).containsExactly("support");
        assertThat(half.ids()).containsExactly("delivery");
        assertThat(noise.ids()).containsExactly("product_quality");
    }

    @Test
    void tag_shouldReadTheRideItself_whenADriversDrivingIsDescribed() {
        // GIVEN ride-hailing drivers described by how they drove, in the three languages, and a late delivery driver
        // WHEN tagged with the defaults
        TaggedThemes english = tag("The driver was speeding and on his phone the whole ride.", null);
        TaggedThemes persian = tag("راننده تاکسی اینترنتی کل مسیر با موبایل حرف میزد.", null);
        TaggedThemes arabic = tag("السواق كان سايق بسرعة جنونية وطول الطريق على الجوال.", null);
        TaggedThemes late = tag("The delivery driver was late again.", null);

        // THEN the driving is the service's quality; a late delivery driver stays a delivery
        assertThat(english.ids()).containsExactly("product_quality");
        assertThat(persian.ids()).containsExactly("product_quality");
        assertThat(arabic.ids()).containsExactly("product_quality");
        assertThat(late.ids()).containsExactly("delivery");
    }

    @Test
    void tag_shouldNameDelivery_whenAnInstallerKeepsTheCustomerWaiting() {
        // GIVEN an installation promised for the end of the week, weeks ago, in Persian and Arabic
        // WHEN tagged with the defaults
        TaggedThemes persian = tag("گفتن تا آخر هفته میان نصب میکنن، الان سه هفته گذشته.", null);
        TaggedThemes arabic = tag("قالولي التركيب آخر الأسبوع وصار لي تلات أسابيع بستنى.", null);

        // THEN the wait is the delivery's, as an installation slot is
        assertThat(persian.ids()).containsExactly("delivery");
        assertThat(arabic.ids()).containsExactly("delivery");
    }

    @Test
    void tag_shouldLeaveDeliveryOut_whenAPersianFormIsNotSent() {
        // GIVEN a form that will not send («ارسال» is also shipping)
        // WHEN tagged with the defaults
        TaggedThemes tagged = tag("فرم ارسال نمیشه.", null);

        // THEN it is the form's problem, not a delivery
        assertThat(tagged.ids()).containsExactly("usability");
    }

    @Test
    void tag_shouldNameTheTheme_whenASessionExpiresAParcelIsLeftOrATapDripsAgain() {
        // GIVEN more events told without the theme's word
        // WHEN tagged with the defaults
        TaggedThemes session = tag("Keeps saying my session expired.", null);
        TaggedThemes reception = tag("They left it at reception without telling me.", null);
        TaggedThemes wait = tag("بس يقولوا انتظر.", null);
        TaggedThemes extra = tag("پول اضافه ازم گرفتن.", null);
        TaggedThemes tap = tag("The tap started dripping again a week after the plumber left.", null);

        // THEN usability, delivery, support, billing and product quality
        assertThat(session.ids()).containsExactly("usability");
        assertThat(reception.ids()).containsExactly("delivery");
        assertThat(wait.ids()).containsExactly("support");
        assertThat(extra.ids()).containsExactly("billing");
        assertThat(tap.ids()).containsExactly("product_quality");
    }
}
