// SPDX-License-Identifier: Apache-2.0
package dev.costbench.providers.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.costbench.model.provider.ProviderId;
import dev.costbench.model.provider.ProviderSettings;
import dev.costbench.model.provider.Secret;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class TransportTest {

    private static final String KEY = "AIzaSyTRANSPORT0123456789abcdef";

    private static Transport transport() {
        HttpEngine engine = new HttpEngine(ProviderSettings.defaults(ProviderId.GEMINI, new Secret(KEY, "test")));
        return new Transport(engine.settings(), engine::redact);
    }

    @Test
    void okHttpFollowsNoRedirectByItself() {
        Transport t = transport();
        assertFalse(t.client().followRedirects(), "OkHttp would carry x-api-key / x-goog-api-key to another host");
        assertFalse(t.client().followSslRedirects());
    }

    @Test
    void originsCompareSchemeHostAndPort() {
        HttpUrl a = HttpUrl.get("https://generativelanguage.googleapis.com/v1beta/models");
        assertTrue(Transport.sameOrigin(a, HttpUrl.get("https://GENERATIVELANGUAGE.googleapis.com:443/upload/x")));
        assertFalse(Transport.sameOrigin(a, HttpUrl.get("http://generativelanguage.googleapis.com/v1beta")));
        assertFalse(Transport.sameOrigin(a, HttpUrl.get("https://generativelanguage.googleapis.com:8443/v1beta")));
        assertFalse(Transport.sameOrigin(a, HttpUrl.get("https://evil.example.com/v1beta")));
        assertEquals("https://generativelanguage.googleapis.com", Transport.origin(a));
        assertEquals("http://127.0.0.1:8080", Transport.origin(HttpUrl.get("http://127.0.0.1:8080/v1")));
    }

    @Test
    void urlsInMessagesHaveTheirCredentialsRedacted() {
        Transport t = transport();
        assertEquals(
                "https://x.example.com/v1beta/models?key=[REDACTED]&alt=sse",
                t.shown(HttpUrl.get("https://x.example.com/v1beta/models?key=AIzaOther&alt=sse")));
        assertEquals(
                "https://x.example.com/p?api_key=[REDACTED]&access_token=[REDACTED]&upload_id=7",
                t.shown(HttpUrl.get("https://x.example.com/p?api_key=a&access_token=b&upload_id=7")));
        assertFalse(
                t.shown(HttpUrl.get("https://x.example.com/" + KEY + "/models")).contains(KEY),
                "the user's own key is redacted wherever it appears");
    }
}
