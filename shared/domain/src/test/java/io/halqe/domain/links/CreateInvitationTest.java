package io.halqe.domain.links;

import io.halqe.domain.core.Problem;
import io.halqe.domain.core.Customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.halqe.domain.core.Mailer;
import io.halqe.domain.survey.Branding;
import io.halqe.domain.survey.LocalizedText;
import io.halqe.domain.fakes.InMemorySuppressionList;
import io.halqe.domain.fakes.FakeLinks;
import io.halqe.domain.fakes.InMemorySurveys;
import io.halqe.domain.survey.DemoSurveys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateInvitationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final List<Mailer.Email> emails = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final FakeLinks links = new FakeLinks();
    private final io.halqe.domain.fakes.InMemoryInvitations invitations = new io.halqe.domain.fakes.InMemoryInvitations();
    private final InMemorySuppressionList suppression = new InMemorySuppressionList();
    private final io.halqe.domain.fakes.InMemoryDirectory directory = new io.halqe.domain.fakes.InMemoryDirectory();
    private final io.halqe.domain.fakes.InMemoryOutreach outreach = new io.halqe.domain.fakes.InMemoryOutreach();
    private final CreateInvitation invite = new CreateInvitation(new InMemorySurveys(DemoSurveys.demoNps()),
            new io.halqe.domain.links.InvitationLinks(links, invitations),
            new InvitationChannels(emails::add, (phone, message) -> texts.add(phone + " " + message),
                    new io.halqe.domain.fakes.FakeUnsubscribeLinks(), io.halqe.domain.survey.Branding.NONE),
            new io.halqe.domain.outreach.ContactGate(outreach, suppression,
                    () -> io.halqe.domain.outreach.ContactPolicy.DEFAULTS, java.time.ZoneId.of("UTC")),
            outreach, directory, "https://f.example.com");

    private CreateInvitation.Outcome create(String channel, Customer customer, Map<String, String> hidden) {
        return invite.create(new CreateInvitation.Request("demo-nps", channel, customer, hidden, null), NOW);
    }

    @Test
    void create_shouldSignTheLinkWithHiddenFieldsAndExpiry_forTheLinkChannel() {
        var created = (CreateInvitation.Outcome.Created) create("link",
                new Customer("c1", null, null, "Sara", "ar-EG"), Map.of("plan", "pro"));
        assertThat(created.url()).startsWith("https://f.example.com/s/demo-nps?lang=ar&t=").endsWith(created.token());
        assertThat(new io.halqe.domain.links.InvitationLinks(links, invitations).open(created.token(), NOW))
                .isEqualTo(new LinkSigner.LinkCheck.Valid(created.invitation()));
        assertThat(created.invitation().hidden()).containsExactly(Map.entry("plan", "pro"));
        assertThat(created.invitation().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(emails).isEmpty();
        assertThat(texts).isEmpty();
    }

    @Test
    void create_shouldSendALocalizedEscapedEmail_forTheEmailChannel() {
        var created = (CreateInvitation.Outcome.Created) create("email",
                new Customer("c2", "ali@example.com", null, "Ali <b>", "fa"), Map.of());
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("ali@example.com");
            assertThat(email.html()).contains("lang=\"fa\" dir=\"rtl\"").contains("سلام Ali &lt;b&gt;")
                    .contains("href=\"" + created.url().replace("&", "&amp;") + "\"");
            assertThat(email.text()).contains(created.url());
        });
    }

    @Test
    void invitationEmail_shouldAskTheScaleInTheEmail_inTheSurveysBrandingOverTheAccounts() {
        // GIVEN an account branding (name, colour, footer) and a survey that brands its sender name and logo in Persian
        var account = new Branding(LocalizedText.of("Acme"), null, "#ffcc00", LocalizedText.of("Acme, 1 Main St"));
        var demo = DemoSurveys.demoNps();
        var branded = new io.halqe.domain.survey.Survey(demo.id(), 1, demo.name(), demo.kind(), demo.defaultLanguage(),
                demo.languages(), demo.questions(), demo.hiddenFields(), false, null, List.of(), demo.thankYou(),
                demo.followUp(), demo.themes(), null, null, null,
                new Branding(new LocalizedText(Map.of("en", "Acme Store", "fa", "فروشگاه اکمی")),
                        "https://cdn.example.com/logo.png", null, null));
        var invite = new CreateInvitation(new InMemorySurveys(branded), new io.halqe.domain.links.InvitationLinks(links, invitations),
                new InvitationChannels(emails::add, (phone, message) -> texts.add(phone + " " + message),
                        new io.halqe.domain.fakes.FakeUnsubscribeLinks(), account),
                new io.halqe.domain.outreach.ContactGate(outreach, suppression,
                        () -> io.halqe.domain.outreach.ContactPolicy.DEFAULTS, java.time.ZoneId.of("UTC")),
                outreach, directory, "https://f.example.com");
        // WHEN a Persian customer is invited by email
        var created = (CreateInvitation.Outcome.Created) invite.create(new CreateInvitation.Request("demo-nps", "email",
                new Customer("b-1", "b1@example.com", null, null, "fa"), Map.of(), null), NOW);
        // THEN it comes from the survey's Persian sender name, with its logo, the account's colour and footer
        Mailer.Email email = emails.getFirst();
        assertThat(email.fromName()).isEqualTo("فروشگاه اکمی");
        assertThat(email.html()).contains("<img src=\"https://cdn.example.com/logo.png\" alt=\"فروشگاه اکمی\"")
                .contains("border-top:4px solid #ffcc00").contains("Acme, 1 Main St")
                // (a light brand colour gets dark text on its button)
                .contains("color:#1a1a1a;text-decoration:none;border-radius:6px\">پاسخ به نظرسنجی");
        // AND the NPS question is in the email: eleven links, 0 to 10 in Persian digits, each opening the page with it
        String url = created.url().replace("&", "&amp;");
        for (int score = 0; score <= 10; score++) {
            assertThat(email.html()).contains("href=\"" + url + "&amp;score=" + score + "\" data-score=\"" + score + "\"");
        }
        assertThat(email.html()).contains(">۷</a>").contains("اصلاً محتمل نیست").contains("بسیار محتمل")
                .contains("چقدر احتمال دارد ما را به یک دوست یا همکار پیشنهاد کنید؟");
        // AND the plain-text part has the question, the link and the footer
        assertThat(email.text()).contains("چقدر احتمال دارد").contains(created.url()).contains("Acme, 1 Main St")
                .contains("لغو اشتراک: https://f.example.com/u/");
    }

    @Test
    void create_shouldTextTheLink_forTheSmsChannel() {
        var created = (CreateInvitation.Outcome.Created) create("sms", new Customer("c3", null, "+989121234567", null, "en"), Map.of());
        assertThat(texts).singleElement().asString().startsWith("+989121234567 Tell us what you think of Demo NPS:")
                .endsWith(created.url());
    }

    @Test
    void create_shouldNameTheField_whenTheRequestIsInvalid() {
        assertThat(create("fax", null, Map.of())).isEqualTo(new CreateInvitation.Outcome.Invalid(new Problem("channel", "must be link, email or sms")));
        assertThat(create("email", new Customer("c", "not-an-email", null, null, null), Map.of()))
                .isInstanceOfSatisfying(CreateInvitation.Outcome.Invalid.class, i -> assertThat(i.problem().field()).isEqualTo("customer.email"));
        assertThat(create("sms", new Customer("c", null, "0912", null, null), Map.of()))
                .isInstanceOfSatisfying(CreateInvitation.Outcome.Invalid.class, i -> assertThat(i.problem().field()).isEqualTo("customer.phone"));
        assertThat(create("link", null, Map.of("discount", "99")))
                .isInstanceOfSatisfying(CreateInvitation.Outcome.Invalid.class, i -> assertThat(i.problem().field()).isEqualTo("hidden.discount"));
        assertThat(invite.create(new CreateInvitation.Request("nope", "link", null, null, null), NOW))
                .isEqualTo(new CreateInvitation.Outcome.SurveyNotFound("nope"));
        assertThat(invite.create(new CreateInvitation.Request("demo-nps", "link", null, null, 0), NOW))
                .isInstanceOf(CreateInvitation.Outcome.Invalid.class);
        assertThat(emails).isEmpty();
    }

    @Test
    void create_shouldNotEmail_whenTheCustomerUnsubscribed() {
        suppression.suppress("gone@example.com", "unsubscribed", NOW);
        var created = (CreateInvitation.Outcome.Created) create("email", new Customer("c9", "gone@example.com", null, null, "en"),
                Map.of());
        assertThat(created.delivered()).isFalse();
        assertThat(created.url()).isNotBlank();
        assertThat(emails).isEmpty();
    }

    @Test
    void create_shouldUseTheDirectoryProfile_whenOnlyTheCustomerIdIsGiven() {
        // GIVEN a Persian customer imported with an address
        directory.upsert(new io.halqe.domain.customers.CustomerProfile("c-fa", "Maryam", "maryam@example.com", null, null,
                null, null, null, null, "fa", "Asia/Tehran", Map.of(), NOW.minusSeconds(60)));
        // WHEN an email invitation names only the customer's id
        var created = create("email", new Customer("c-fa", null, null, null, null), Map.of());
        // THEN it goes to the profile's address, in Persian, right to left
        assertThat(created).isInstanceOfSatisfying(CreateInvitation.Outcome.Created.class,
                c -> assertThat(c.url()).contains("lang=fa"));
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.to()).containsExactly("maryam@example.com");
            assertThat(email.html()).contains("lang=\"fa\" dir=\"rtl\"").contains("سلام Maryam");
        });
    }

    @Test
    void create_shouldPutTheInvitedCustomerInTheDirectory_whenTheyWereNeverImported() {
        // WHEN customers who were never imported are invited, one with an id, one by address alone
        create("email", new Customer("c-new", "new@example.com", null, "Neda", "fa-IR"), Map.of());
        var byAddress = (CreateInvitation.Outcome.Created) create("email",
                new Customer(null, "Only@Example.com", null, null, "ar"), Map.of());
        // THEN both are directory entries: the CRM id, else the canonical address as the id
        assertThat(directory.find("c-new")).hasValueSatisfying(profile -> {
            assertThat(profile.email()).isEqualTo("new@example.com");
            assertThat(profile.name()).isEqualTo("Neda");
            assertThat(profile.language()).isEqualTo("fa");
            assertThat(profile.updatedAt()).as("a CRM update of any date wins over a fill-in").isNull();
        });
        assertThat(byAddress.invitation().customer().id()).isEqualTo("only@example.com");
        assertThat(directory.find("only@example.com")).hasValueSatisfying(p -> assertThat(p.language()).isEqualTo("ar"));
    }

    @Test
    void create_shouldKeepTheCrmsFields_whenTheInvitationSaysOtherwise() {
        // GIVEN a customer the CRM knows with an address and a language
        directory.upsert(new io.halqe.domain.customers.CustomerProfile("c-crm", "Omid", "omid@example.com", null, null,
                null, null, null, null, "en", null, Map.of(), NOW.minusSeconds(60)));
        // WHEN an invitation names another address and a phone
        create("link", new Customer("c-crm", "other@example.com", "+989121234567", null, "fa"), Map.of());
        // THEN only the missing phone is filled in
        assertThat(directory.find("c-crm")).hasValueSatisfying(profile -> {
            assertThat(profile.email()).isEqualTo("omid@example.com");
            assertThat(profile.language()).isEqualTo("en");
            assertThat(profile.phone()).isEqualTo("+989121234567");
        });
    }

    @Test
    void create_shouldNotSendASecondInvitation_whenTheCustomerWasInvitedWithinTheCap() {
        // GIVEN a customer invited by email now
        var first = (CreateInvitation.Outcome.Created) create("email", new Customer("c-cap", "cap@example.com", null, null, "en"), Map.of());
        // WHEN they are invited again a day later, to the same survey
        var second = (CreateInvitation.Outcome.Created) invite.create(new CreateInvitation.Request("demo-nps", "email",
                new Customer("c-cap", "cap@example.com", null, null, "en"), Map.of(), null), NOW.plus(Duration.ofDays(1)));
        // THEN one email only; the second answer says why and from when the next may go out
        assertThat(first.delivered()).isTrue();
        assertThat(second.delivered()).isFalse();
        assertThat(second.reason()).isEqualTo("frequency_cap");
        assertThat(second.nextAllowedAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(emails).hasSize(1);
    }

    @Test
    void create_shouldDeferTheInvitationToTheMorning_whenItIsNightForTheCustomer() {
        // WHEN an email invitation is made at 23:00 UTC (quiet hours 21:00-09:00 in the default zone)
        Instant night = Instant.parse("2026-11-23T23:00:00Z");
        var created = (CreateInvitation.Outcome.Created) invite.create(new CreateInvitation.Request("demo-nps", "email",
                new Customer("c-night", "night@example.com", null, null, "en"), Map.of(), null), night);
        // THEN nothing is sent now; it is scheduled for 09:00 under the same invitation
        assertThat(created.delivered()).isFalse();
        assertThat(created.reason()).isEqualTo("quiet_hours");
        assertThat(created.deferredUntil()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(emails).isEmpty();
        assertThat(outreach.find(created.invitation().id())).hasValueSatisfying(stored -> {
            assertThat(stored.outreach().dueAt()).isEqualTo(created.deferredUntil());
            assertThat(stored.outreach().invitationId()).isEqualTo(created.invitation().id());
        });
    }

    @Test
    void create_shouldNotEmail_whenTheAddressIsSuppressed() {
        suppression.suppress("gone@example.com", "unsubscribed", NOW);
        var created = (CreateInvitation.Outcome.Created) create("email", new Customer("c-gone", "gone@example.com", null, null, "en"), Map.of());
        assertThat(created.delivered()).isFalse();
        assertThat(created.reason()).isEqualTo("suppressed");
        assertThat(emails).isEmpty();
    }

    @Test
    void invitationEmail_shouldCarryAnUnsubscribeLinkAndTheOneClickHeaders() {
        create("email", new Customer("c-unsub", "unsub@example.com", null, null, "ar"), Map.of());
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.text()).contains("إلغاء الاشتراك: https://f.example.com/u/");
            assertThat(email.html()).contains("href=\"https://f.example.com/u/");
            assertThat(email.headers()).containsKey("List-Unsubscribe")
                    .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        });
    }

    @Test
    void create_shouldNotText_whenThePhoneIsSuppressed() {
        suppression.suppress("+989120000000", "admin", NOW);
        var created = (CreateInvitation.Outcome.Created) create("sms", new Customer("c-sms", null, "+989120000000", null, "fa"), Map.of());
        assertThat(created.delivered()).isFalse();
        assertThat(created.reason()).isEqualTo("suppressed");
        assertThat(texts).isEmpty();
    }

    @Test
    void invitation_shouldUseTheSurveysOwnWords_inTheCustomersLanguage_andCountTheSmsSegments() {
        // GIVEN a survey whose name, email subject and SMS text are given per language
        var demo = DemoSurveys.demoNps();
        var localized = new io.halqe.domain.survey.Survey(demo.id(), demo.version(),
                new io.halqe.domain.survey.LocalizedText(Map.of("en", "Checkout", "fa", "خرید")), demo.kind(),
                demo.defaultLanguage(), demo.languages(), demo.questions(), demo.hiddenFields(), false, null, List.of(),
                demo.thankYou(), demo.followUp(), demo.themes(),
                new io.halqe.domain.survey.LocalizedText(Map.of("fa", "خرید شما چطور بود؟")),
                new io.halqe.domain.survey.LocalizedText(Map.of("fa", "خریدتان را ارزیابی کنید:")), null, null);
        var gate = new io.halqe.domain.outreach.ContactGate(outreach, suppression,
                () -> io.halqe.domain.outreach.ContactPolicy.DEFAULTS, java.time.ZoneId.of("UTC"));
        var invite = new CreateInvitation(new InMemorySurveys(localized), new io.halqe.domain.links.InvitationLinks(links, invitations),
                new InvitationChannels(emails::add, (phone, message) -> texts.add(phone + " " + message),
                        new io.halqe.domain.fakes.FakeUnsubscribeLinks(), io.halqe.domain.survey.Branding.NONE), gate, outreach, directory, "https://f.example.com");
        // WHEN a Persian customer is invited by email, and another by SMS
        invite.create(new CreateInvitation.Request("demo-nps", "email", new Customer("l-1", "l1@example.com", null, null, "fa"),
                Map.of(), null), NOW);
        var bySms = (CreateInvitation.Outcome.Created) invite.create(new CreateInvitation.Request("demo-nps", "sms",
                new Customer("l-2", null, "+989121110000", null, "fa"), Map.of(), null), NOW);
        // THEN the subject and the SMS are the survey's Persian words, and the answer says how many SMS it took
        assertThat(emails).singleElement().satisfies(email -> assertThat(email.subject()).isEqualTo("خرید شما چطور بود؟"));
        assertThat(texts).singleElement().asString().startsWith("+989121110000 خریدتان را ارزیابی کنید: https://");
        assertThat(bySms.smsSegments()).isEqualTo(SmsSegments.count(texts.get(0).substring("+989121110000 ".length())));
        assertThat(bySms.smsSegments()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void create_shouldNotText_whenThePhoneAnsweredStop() {
        // GIVEN an SMS channel whose opt-out list holds one phone
        var gate = new io.halqe.domain.outreach.ContactGate(outreach, suppression,
                () -> io.halqe.domain.outreach.ContactPolicy.DEFAULTS, java.time.ZoneId.of("UTC"),
                phone -> phone.equals("+989120000001"));
        var invite = new CreateInvitation(new InMemorySurveys(DemoSurveys.demoNps()),
                new io.halqe.domain.links.InvitationLinks(links, invitations),
                new InvitationChannels(emails::add, (phone, message) -> texts.add(phone + " " + message),
                        new io.halqe.domain.fakes.FakeUnsubscribeLinks(), io.halqe.domain.survey.Branding.NONE), gate, outreach, directory, "https://f.example.com");
        // WHEN that phone and another are invited by SMS
        var stopped = (CreateInvitation.Outcome.Created) invite.create(new CreateInvitation.Request("demo-nps", "sms",
                new Customer("stop-1", null, "+989120000001", null, "fa"), Map.of(), null), NOW);
        invite.create(new CreateInvitation.Request("demo-nps", "sms",
                new Customer("ok-1", null, "+989120000002", null, "fa"), Map.of(), null), NOW);
        // THEN only the other one is texted
        assertThat(stopped.delivered()).isFalse();
        assertThat(stopped.reason()).isEqualTo("suppressed");
        assertThat(texts).singleElement().asString().startsWith("+989120000002 ");
    }
}
