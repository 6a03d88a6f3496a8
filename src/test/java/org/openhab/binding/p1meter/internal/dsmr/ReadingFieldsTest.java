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
package org.openhab.binding.p1meter.internal.dsmr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The field list that options are checked against holds every field the JSON reading has: of every telegram in the
 * corpus, and of a telegram with everything a meter can send.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class ReadingFieldsTest {

    /** Everything at once: every quantity, gas, water and heat, a text, a failure log and Belgian peaks. */
    private static P1Telegram everything() {
        OffsetDateTime t = OffsetDateTime.parse("2025-06-14T13:15:07+02:00");
        P1Telegram.Builder b = new P1Telegram.Builder().header("XXX5\\2EVERYTHING").crcChecked(true).p1Version("50")
                .timestamp(t).equipmentId("4530").textMessage("hello").textCode("1")
                .mbus(List.of(new MBusDevice(1, MBusDevice.TYPE_GAS, "G1", t, 1.5, Quantity.Unit.M3, -1),
                        new MBusDevice(2, MBusDevice.TYPE_WATER, "W2", t, 2.5, Quantity.Unit.M3, -1),
                        new MBusDevice(3, MBusDevice.TYPE_HEAT, "H3", t, 3.5, Quantity.Unit.GJ, -1)))
                .powerFailureLog(List.of(new PowerFailure(t, 300))).peakDemand(new PeakDemand(null, t, 4.2))
                .peakDemandHistory(List.of(new PeakDemand(t, t, 3.9)));
        for (Quantity q : Quantity.all()) {
            b.set(q, 1);
        }
        return b.build();
    }

    private static List<P1Telegram> telegrams() {
        List<P1Telegram> all = new ArrayList<>();
        all.add(everything());
        for (String name : Corpus.plaintextNames()) {
            try {
                all.add(TelegramParser.parse(Corpus.bytes(name + ".txt"), true));
            } catch (RuntimeException e) {
                // a capture the parser refuses has no reading to look at
            }
        }
        assertThat(all).as("corpus telegrams read").hasSizeGreaterThan(40);
        return all;
    }

    @Test
    void everyFieldOfEveryReadingIsListed() {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> seenFlat = new LinkedHashSet<>();
        for (P1Telegram t : telegrams()) {
            JsonObject reading = JsonParser.parseString(TelegramJson.toJson(t)).getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : reading.entrySet()) {
                seen.add(e.getKey());
                seenFlat.add(e.getKey());
                if (e.getValue().isJsonObject()) {
                    e.getValue().getAsJsonObject().keySet().forEach(k -> seenFlat.add(e.getKey() + "_" + k));
                }
            }
        }
        assertThat(ReadingFields.topLevel()).containsAll(seen);
        assertThat(ReadingFields.flattened()).containsAll(seenFlat);
        // and nothing listed that no reading has: the list is not a wish list
        assertThat(seen).containsAll(ReadingFields.topLevel());
        assertThat(seenFlat).containsAll(ReadingFields.flattened());
    }

    @Test
    void unknownNamesAreToldWithANearMissAndTheList() {
        assertThat(ReadingFields.checkNames(List.of("totalT1Use", "currentUsage"), ReadingFields.topLevel())).isNull();
        assertThat(ReadingFields.checkNames(List.of("gas_totalUse", "gas"), ReadingFields.flattened())).isNull();
        assertThat(ReadingFields.checkNames(List.of("gas_totalUse"), ReadingFields.topLevel()))
                .startsWith("unknown field 'gas_totalUse'");
        assertThat(ReadingFields.checkNames(List.of("currentUsage", "totalt1use"), ReadingFields.topLevel()))
                .startsWith("unknown field 'totalt1use' (did you mean totalT1Use?); the fields are: header, ")
                .contains("currentTarrif");
        assertThat(ReadingFields.checkNames(List.of("currentTariff"), ReadingFields.topLevel()))
                .contains("did you mean currentTarrif?");
        assertThat(ReadingFields.checkNames(List.of("nosuchfield"), ReadingFields.topLevel()))
                .startsWith("unknown field 'nosuchfield'; the fields are: ");
    }
}
