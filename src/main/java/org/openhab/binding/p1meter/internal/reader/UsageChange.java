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
 * smartmeter2mqtt's usage-change event, published as {@code <prefix>/status/usage} (W) and
 * {@code <prefix>/status/gasUsage} (m3/h): {@code {previousUsage, relative, message, val, tc}}.
 *
 * @param previousUsage the previous value
 * @param relative the change, {@code val - previousUsage}
 * @param message e.g. {@code Usage increased 8 to 1754}
 * @param val the new value
 * @param tc the time of the change, epoch milliseconds
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record UsageChange(double previousUsage, double relative, String message, double val, long tc) {
}
