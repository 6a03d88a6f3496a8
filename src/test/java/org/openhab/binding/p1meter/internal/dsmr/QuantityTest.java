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

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The quantity descriptors agree with themselves and with the catalogue: names are unique, every quantity is
 * carried by some OBIS object, a total's tariffs are in its unit, and what Home Assistant is told matches the
 * unit the JSON reading has the value in. (The channel XML's agreement with the descriptors is OhInfTest's.)
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class QuantityTest {

    @Test
    void jsonNamesAndChannelIdsAreUnique() {
        List<String> names = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (Quantity q : Quantity.values()) {
            names.add(q.jsonName());
            Quantity.Channel c = q.channel();
            if (c != null) {
                channels.add(c.id());
            }
        }
        assertThat(names).doesNotHaveDuplicates().hasSize(Quantity.values().length);
        assertThat(channels).doesNotHaveDuplicates().hasSizeGreaterThan(40);
    }

    @Test
    void everyQuantityIsCarriedByAnObjectOfTheCatalogue() {
        for (Quantity q : Quantity.values()) {
            boolean carried = false;
            for (ObisCatalogue.Row row : ObisCatalogue.rows()) {
                carried |= row.shape() instanceof QuantityValue v && v.carries(q);
            }
            assertThat(carried).as("a catalogue row for %s", q).isTrue();
        }
    }

    @Test
    void aTotalsTariffsAreRegistersInItsUnit() {
        assertThat(Quantity.ENERGY_IMPORT_TOTAL.tariffs()).containsExactly(Quantity.ENERGY_IMPORT_T1,
                Quantity.ENERGY_IMPORT_T2, Quantity.ENERGY_IMPORT_T3, Quantity.ENERGY_IMPORT_T4);
        assertThat(Quantity.ENERGY_EXPORT_TOTAL.tariffs()).containsExactly(Quantity.ENERGY_EXPORT_T1,
                Quantity.ENERGY_EXPORT_T2, Quantity.ENERGY_EXPORT_T3, Quantity.ENERGY_EXPORT_T4);
        for (Quantity q : Quantity.values()) {
            for (Quantity t : q.tariffs()) {
                assertThat(t.unit()).as("%s of %s", t, q).isEqualTo(q.unit());
                assertThat(t.tariffs()).as("%s of %s", t, q).isEmpty();
            }
        }
    }

    @Test
    void homeAssistantIsToldTheUnitTheReadingHasTheValueIn() {
        for (Quantity q : Quantity.values()) {
            HaClass ha = q.ha();
            String unit = ha.unit();
            String sent = q.unit().symbol();
            if (ha.kiloToBase()) {
                // the template multiplies by 1000: kW shown as W, kvar as var, kVA as VA
                assertThat(sent).as("%s shown in %s", q, unit).isEqualTo("k" + unit);
            } else if (unit != null) {
                assertThat(sent).as("%s shown in %s", q, unit).isEqualTo(unit);
            } else {
                assertThat(q.unit()).as("%s has a unit but Home Assistant is told none", q)
                        .isEqualTo(Quantity.Unit.NONE);
            }
        }
    }
}
