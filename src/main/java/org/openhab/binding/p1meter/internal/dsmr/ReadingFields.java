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

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The field names of the JSON reading ({@link TelegramJson}), in the order it writes them: what options that pick
 * fields ({@code --mqtt-distinct-fields}, {@code --post-fields}) are checked against, so that a typo is refused
 * instead of publishing nothing for that field, quietly. A test renders every telegram of the corpus and checks
 * that each field it meets is listed here.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class ReadingFields {

    /** Fields before the quantities. */
    private static final List<String> HEAD = List.of("header", "p1Version", "powerTs", "powerSn");
    /** Fields after the quantities; those holding an object map to that object's fields, the others to none. */
    private static final Map<String, List<String>> TAIL = tail();

    private static final List<String> TOP_LEVEL = listTopLevel();
    private static final List<String> FLATTENED = listFlattened();

    private ReadingFields() {
    }

    private static Map<String, List<String>> tail() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("deviceType", List.of());
        m.put("gasSn", List.of());
        m.put("gas", List.of("ts", "totalUse"));
        m.put("water", List.of("ts", "totalUse"));
        m.put("heat", List.of("ts", "totalUse", "unit"));
        m.put("mbus", List.of());
        m.put("textMessage", List.of());
        m.put("powerFailureLog", List.of());
        m.put("peakDemand", List.of("ts", "value"));
        m.put("peakDemandHistory", List.of());
        m.put("crc", List.of());
        m.put("calculatedUsage", List.of());
        return Collections.unmodifiableMap(m);
    }

    private static List<String> listTopLevel() {
        List<String> names = new ArrayList<>(HEAD);
        for (Quantity q : Quantity.all()) {
            names.add(q.jsonName());
        }
        names.addAll(TAIL.keySet());
        return List.copyOf(names);
    }

    private static List<String> listFlattened() {
        List<String> names = new ArrayList<>();
        for (String name : TOP_LEVEL) {
            names.add(name);
            TAIL.getOrDefault(name, List.of()).forEach(c -> names.add(name + "_" + c));
        }
        return List.copyOf(names);
    }

    /** The reading's top-level fields (what {@code <prefix>/status/<field>} publishes). */
    public static List<String> topLevel() {
        return TOP_LEVEL;
    }

    /**
     * The names the webhook's field filter takes: the fields as it flattens the reading, nested objects as
     * {@code parent_child} ({@code gas_ts}, {@code gas_totalUse}), and the parent ({@code gas}) for all of them.
     */
    public static List<String> flattened() {
        return FLATTENED;
    }

    /**
     * Checks field names a user gave against {@code valid}.
     *
     * @return null when all are known, else a sentence naming the first unknown one, a near miss if there is one,
     *         and the valid names
     */
    public static @Nullable String checkNames(List<String> given, List<String> valid) {
        for (String name : given) {
            if (!valid.contains(name)) {
                String near = nearest(name, valid);
                return "unknown field '" + name + "'" + (near != null ? " (did you mean " + near + "?)" : "")
                        + "; the fields are: " + String.join(", ", valid);
            }
        }
        return null;
    }

    /** A valid name that differs only in case or by at most two letters. */
    private static @Nullable String nearest(String name, List<String> valid) {
        String best = null;
        int bestDistance = 3;
        for (String v : valid) {
            int d = v.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) ? 0 : distance(name, v);
            if (d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
