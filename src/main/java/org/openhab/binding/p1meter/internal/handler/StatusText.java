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
package org.openhab.binding.p1meter.internal.handler;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A Thing status description that openHAB translates for the user's language: {@code @text/<key> ["arg", ...]},
 * the key in {@code OH-INF/i18n/p1meter*.properties}, the arguments filled into its {0}, {1}...
 * <p>
 * openHAB splits the arguments on commas and drops quotes and brackets, so an argument (a host, an error from
 * the network stack) has those replaced by harmless look-alikes instead of being cut in two.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class StatusText {

    private StatusText() {
    }

    public static String of(String key, Object... args) {
        StringBuilder sb = new StringBuilder("@text/").append(key);
        if (args.length > 0) {
            sb.append(" [");
            for (int i = 0; i < args.length; i++) {
                sb.append(i == 0 ? "\"" : ", \"").append(safe(String.valueOf(args[i]))).append('"');
            }
            sb.append(']');
        }
        return sb.toString();
    }

    private static String safe(String arg) {
        String s = arg.replace(',', ';').replace('"', '\'').replace('[', '(').replace(']', ')').strip();
        // an empty argument would be dropped by openHAB and shift the others
        return s.isEmpty() ? "-" : s;
    }
}
