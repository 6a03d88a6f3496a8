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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A COSEM object the catalogue does not know, kept as sent so that nothing a meter reports is lost and an
 * unknown line never fails a telegram.
 *
 * @param obis the OBIS id as written (e.g. {@code 1-0:94.32.1})
 * @param values the texts between the parentheses, in order
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record UnknownObject(String obis, List<String> values) {
}
