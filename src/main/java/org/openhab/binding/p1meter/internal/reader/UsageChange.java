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
package org.openhab.binding.p1meter.internal.reader;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * smartmeter2mqtt's usage-change event, published as {@code <prefix>/status/usage} and
 * {@code <prefix>/status/gasUsage}: {@code {previousUsage, relative, message, val, tc}}.
 *
 * @param previousUsage the previous value of {@code val}
 * @param relative net power: the change of {@code val} (W); gas: the change of the meter reading (m3)
 * @param message e.g. {@code Usage increased +8 to 1754}, {@code Reading increased +0.004 to 1342.056}
 * @param val net power (W); gas: the flow since the previous reading (m3/h)
 * @param tc the time of the change, epoch milliseconds
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record UsageChange(double previousUsage, double relative, String message, double val, long tc) {
}
