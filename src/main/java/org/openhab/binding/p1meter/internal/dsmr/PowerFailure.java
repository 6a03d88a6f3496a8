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
 * One entry of the long power failure event log (1-0:99.97.0).
 *
 * @param end when the failure ended, null when the meter sent a placeholder
 * @param durationSeconds how long it lasted
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record PowerFailure(@Nullable OffsetDateTime end, long durationSeconds) {
}
