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

import java.time.OffsetDateTime;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A Belgian capacity-tariff peak: the highest quarter-hour average demand of a month (1-0:1.6.0 for the
 * running month, 0-0:98.1.0 for the history).
 *
 * @param month the start of the month the entry covers, null for the running month or a placeholder
 * @param timestamp when the peak occurred, null when the meter sent a placeholder
 * @param kw the peak demand in kW
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record PeakDemand(@Nullable OffsetDateTime month, @Nullable OffsetDateTime timestamp, double kw) {
}
