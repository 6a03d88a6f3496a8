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
package org.openhab.binding.p1meter.cli;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes an option's default from the environment, as smartmeter2mqtt does: {@code --web-server} from
 * {@code SMARTMETER_WEB_SERVER} or {@code SMARTMETER_web-server} (docker-compose files use both spellings). A value
 * given on the command line wins.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class EnvironmentDefaults implements IDefaultValueProvider {

    static final String PREFIX = "SMARTMETER_";

    private final Map<String, String> environment;
    /** The variable each option's default came from, by the option's longest name ({@code --tcp-server}). */
    private final Map<String, String> used = new ConcurrentHashMap<>();

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * The environment variable that set the option (e.g. {@code SMARTMETER_TCP_SERVER} for {@code --tcp-server}),
     * or null when it did not: an error in its value must name the variable, since the command line has no
     * {@code --tcp-server} to look for.
     */
    @Nullable
    String variableOf(String optionName) {
        return used.get(optionName);
    }

    @Override
    public @Nullable String defaultValue(@Nullable ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String value = lookup(option.longestName(), name);
        if (value == null) {
            return null;
        }
        if (option.type() == boolean.class || option.type() == Boolean.class) {
            // yargs accepts these for booleans, and so do the compose files written for it
            String v = value.trim().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "1", "true", "yes", "on", "" -> "true";
                default -> "false";
            };
        }
        return value;
    }

    private @Nullable String lookup(String optionName, String name) {
        String[] candidates = { PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_'), PREFIX + name,
                PREFIX + name.replace('-', '_'), PREFIX + name.toUpperCase(Locale.ROOT) };
        for (String key : candidates) {
            String v = environment.get(key);
            if (v != null) {
                used.put(optionName, key);
                return v;
            }
        }
        return null;
    }
}
