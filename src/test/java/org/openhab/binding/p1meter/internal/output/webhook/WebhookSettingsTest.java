/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.internal.output.webhook;

import static org.assertj.core.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The one function that reads the webhook's settings for the daemon ({@code --post-*}) and the openHAB service:
 * what it takes, and how it names what it refuses. The daemon's and the service's own tests check that each
 * really goes through it.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class WebhookSettingsTest {

    private static final WebhookSettings.Names NAMES = new WebhookSettings.Names("URL-SETTING", "INTERVAL-SETTING",
            "FIELDS-SETTING", "HEADER-SETTING", "TIMEOUT-SETTING");

    private static WebhookSettings settings(@Nullable String fields, List<String> headers, long timeout) {
        return new WebhookSettings("http://127.0.0.1:9/hook", 60, false, fields, headers, timeout);
    }

    @Test
    void allOrAStarOrNothingPostsEveryField() {
        for (String every : new String[] { "all", "ALL", "*", " * ", "", " " }) {
            assertThat(settings(every, List.of(), 30).toConfig(NAMES).fields()).as("'%s'", every).isEmpty();
        }
        assertThat(settings(null, List.of(), 30).toConfig(NAMES).fields()).isEmpty();
        assertThat(settings(" gas , powerTs,peakDemand_value", List.of(), 30).toConfig(NAMES).fields())
                .containsExactly("gas", "powerTs", "peakDemand_value");
        assertThat(settings(WebhookSettings.DEFAULT_FIELDS, List.of(), 30).toConfig(NAMES).fields()).containsExactly(
                "powerTs", "totalT1Use", "totalT2Use", "totalT1Delivered", "totalT2Delivered", "gas_ts",
                "gas_totalUse");
    }

    @Test
    void anUnknownFieldIsRefusedWithTheFieldsThereAre() {
        assertThatThrownBy(() -> settings("gas_totalUse,totalt1use", List.of(), 30).toConfig(NAMES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("FIELDS-SETTING: unknown field 'totalt1use' (did you mean totalT1Use?)")
                .hasMessageContaining("; the fields are: header, ").hasMessageContaining(", gas_totalUse, ")
                .hasMessageEndingWith(" (or all)");
        // 'all' is a whole list, not a field among others
        assertThatThrownBy(() -> settings("all,gas", List.of(), 30).toConfig(NAMES))
                .hasMessageStartingWith("FIELDS-SETTING: unknown field 'all'");
    }

    @Test
    void headersAreNameColonValueAndOnlyThoseAnHttpClientMaySend() {
        assertThat(settings("all", List.of("Authorization: Bearer a:b", "X-Meter:home"), 30).toConfig(NAMES).headers())
                .isEqualTo(Map.of("Authorization", "Bearer a:b", "X-Meter", "home"));
        assertThatThrownBy(() -> settings("all", List.of("no colon"), 30).toConfig(NAMES))
                .hasMessage("HEADER-SETTING must be 'Name: value', got 'no colon'");
        assertThatThrownBy(() -> settings("all", List.of(": value"), 30).toConfig(NAMES))
                .hasMessageStartingWith("HEADER-SETTING must be 'Name: value'");
        // Java's HTTP client sets these itself and would refuse every post
        assertThatThrownBy(() -> settings("all", List.of("Host: example.org"), 30).toConfig(NAMES))
                .hasMessageStartingWith("HEADER-SETTING 'Host: example.org' cannot be sent: ")
                .hasMessageContaining("Host");
        assertThatThrownBy(() -> settings("all", List.of("Bad Name: x"), 30).toConfig(NAMES))
                .hasMessageStartingWith("HEADER-SETTING 'Bad Name: x' cannot be sent: ");
    }

    @Test
    void theTimeoutIsTheAnswersAndAtMostTenSecondsOfItTheConnections() {
        WebhookConfig standard = settings("all", List.of(), WebhookSettings.DEFAULT_TIMEOUT).toConfig(NAMES);
        assertThat(standard.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(standard.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        WebhookConfig quick = settings("all", List.of(), 4).toConfig(NAMES);
        assertThat(quick.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(quick.requestTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThatThrownBy(() -> settings("all", List.of(), 0).toConfig(NAMES))
                .hasMessage("TIMEOUT-SETTING must be at least 1 second, got 0");
    }

    @Test
    void theUrlAndTheIntervalAreNamed() {
        assertThatThrownBy(() -> new WebhookSettings(" ", 60, false, "all", List.of(), 30).toConfig(NAMES))
                .hasMessageStartingWith("URL-SETTING is empty");
        assertThatThrownBy(
                () -> new WebhookSettings("ftp://example.org/", 60, false, "all", List.of(), 30).toConfig(NAMES))
                .hasMessageStartingWith("URL-SETTING: ").hasMessageContaining("ftp://example.org/");
        assertThatThrownBy(
                () -> new WebhookSettings("http://exa mple.org/", 60, false, "all", List.of(), 30).toConfig(NAMES))
                .hasMessageStartingWith("URL-SETTING: invalid post URL 'http://exa mple.org/'");
        assertThatThrownBy(
                () -> new WebhookSettings("http://example.org/", 0, false, "all", List.of(), 30).toConfig(NAMES))
                .hasMessage("INTERVAL-SETTING must be a positive number of seconds, got 0");
        WebhookConfig c = new WebhookSettings("https://example.org/p1", 60, true, "all", List.of(), 30).toConfig(NAMES);
        assertThat(c.url()).hasToString("https://example.org/p1");
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.json()).isTrue();
    }
}
