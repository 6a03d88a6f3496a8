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
package org.openhab.binding.p1meter.internal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.reader.P1Feed;

/**
 * The P1 bridges that are running in openHAB, as feeds for the output services. Bridge handlers register
 * their reader when they initialise and unregister it when they are disposed; an output service asks once
 * for a feed and keeps it, and the feed follows the bridge as it comes and goes.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface P1BridgeRegistry {

    /**
     * A feed of the bridge with the given Thing UID (e.g. {@code p1meter:serial:home}), or of every bridge
     * when {@code bridgeUid} is null or blank (the common single-meter case). Never null: a feed for a bridge
     * that does not exist yet starts delivering when it appears.
     */
    P1Feed feed(@Nullable String bridgeUid);
}
