package io.halqe.local.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A headless Chromium for a browser test: registered on a static field, one for the whole class; on an instance
 * field, a fresh one for each test (each signs in afresh). Closed after, whatever happened.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private HeadlessChromium started;
    private boolean perTest;

    /** The running browser. */
    HeadlessChromium get() {
        if (started == null) {
            throw new IllegalStateException("Chromium is started by JUnit: register it with @RegisterExtension");
        }
        return started;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        started = HeadlessChromium.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (started == null) {
            perTest = true;
            started = HeadlessChromium.start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (perTest) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void close() {
        if (started != null) {
            started.close();
            started = null;
        }
    }
}
