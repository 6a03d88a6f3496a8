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
package org.openhab.binding.p1meter.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.openhab.binding.p1meter.itest.Things.Status;

/**
 * The unhappy paths a user meets, in a real openHAB over REST: a dongle that refuses connections, a wrong
 * decryption key, a bridge without a port. Each puts the bridge OFFLINE with a status text that says what is wrong
 * and what to do, and each recovers by itself (or after the user's fix) without a restart. The add-on logs no stack
 * trace for any of them.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@TestInstance(Lifecycle.PER_CLASS)
class BridgeFaultsOpenHabIT {

    /** An encrypted DSMR 5 frame (Sagemcom T210-D-r, as Luxembourg meters send) with the standard AAD. */
    private static final Path ENCRYPTED = Path
            .of("src/test/resources/telegrams/sagemcom_t210dr_est5_esphome_encrypted.bin");
    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private @Nullable OpenHabRuntime openhab;

    @BeforeAll
    void startOpenHab() throws Exception {
        openhab = OpenHabRuntime.start();
        openhab().install(Addon.jar());
    }

    @AfterAll
    void stopOpenHab() {
        if (openhab != null) {
            // whatever went wrong on the way, no stack trace of the add-on's: users read log lines, not traces
            assertThat(openhab.addonStackTraceLines()).as("stack traces of the add-on in openHAB's log").isEmpty();
            openhab.close();
        }
    }

    private OpenHabRuntime openhab() {
        OpenHabRuntime o = openhab;
        assertThat(o).isNotNull();
        return o;
    }

    private Things things() {
        return new Things(openhab().rest());
    }

    @Test
    void aDongleThatRefusesIsOfflineSayingSoAndOnlineByItselfWhenItIsBack() throws Exception {
        try (MeterServer meter = new MeterServer()) {
            int port = meter.port();
            meter.stop(); // the port refuses from now on
            String bridge = "p1meter:tcp:refused";
            things().create(bridge, "p1meter:tcp", null, Map.of("host", "127.0.0.1", "port", port));
            Status offline = things().awaitStatus(bridge, "OFFLINE");
            assertThat(offline.detail()).isEqualTo("COMMUNICATION_ERROR");
            assertThat(offline.description()).contains("127.0.0.1:" + port).containsIgnoringCase("refused")
                    .contains("retrying");

            meter.restart();
            meter.every(Duration.ofSeconds(1));
            things().awaitStatus(bridge, "ONLINE", Duration.ofSeconds(90));
            things().delete(bridge);
        }
    }

    @Test
    void aWrongDecryptionKeyIsAConfigurationErrorThatTheRightKeyFixes() throws Exception {
        byte[] frame = Files.readAllBytes(ENCRYPTED);
        try (MeterServer meter = new MeterServer()) {
            meter.every(Duration.ofMillis(500), frame);
            String bridge = "p1meter:tcp:smarty";
            Map<String, Object> config = new HashMap<>(Map.of("host", "127.0.0.1", "port", meter.port(),
                    "decryptionKey", "00112233445566778899AABBCCDDEEFF"));
            things().create(bridge, "p1meter:tcp", null, config);
            Status offline = things().awaitStatus(bridge, "OFFLINE");
            assertThat(offline.detail()).isEqualTo("CONFIGURATION_ERROR");
            assertThat(offline.description()).contains("cannot be decrypted").contains("decryption key");

            // the user corrects the key on the Thing's page: no restart, no re-creation
            config.put("decryptionKey", KEY);
            things().configure(bridge, config);
            things().awaitStatus(bridge, "ONLINE");
            // the first decrypted telegram brings the channels (just after the status)
            await("the decrypted telegram's channels").atMost(Duration.ofSeconds(30))
                    .until(() -> things().channels(bridge).containsKey("energy-import-total"));
            things().delete(bridge);
        }
    }

    @Test
    void aKeyThatIsNoKeyIsRefusedAtOnceWithWhatToDo() {
        String bridge = "p1meter:tcp:badkey";
        things().create(bridge, "p1meter:tcp", null,
                Map.of("host", "127.0.0.1", "port", 1, "decryptionKey", "not-a-key"));
        Status offline = things().awaitStatus(bridge, "OFFLINE");
        assertThat(offline.detail()).isEqualTo("CONFIGURATION_ERROR");
        assertThat(offline.description()).startsWith("Invalid decryption settings").contains("Copy the key");
        things().delete(bridge);
    }

    @Test
    void aBridgeWithoutItsPortIsNotStartedAndOpenHabSaysWhatIsMissing() {
        // the UI refuses to save without a required parameter; over REST openHAB itself keeps the handler from
        // starting until the configuration is complete
        String bridge = "p1meter:tcp:noport";
        things().create(bridge, "p1meter:tcp", null, Map.of("host", "127.0.0.1"));
        Status status = things().awaitStatus(bridge, "UNINITIALIZED");
        assertThat(status.detail()).isEqualTo("HANDLER_CONFIGURATION_PENDING");
        assertThat(status.description()).contains("port");

        things().configure(bridge, Map.of("host", "127.0.0.1", "port", 1));
        Status offline = things().awaitStatus(bridge, "OFFLINE");
        assertThat(offline.description()).contains("127.0.0.1:1");
        things().delete(bridge);
    }
}
