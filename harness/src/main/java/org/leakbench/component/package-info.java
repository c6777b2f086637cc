/**
 * The component registry: every attack, defense, model and data set describes itself once (name, aliases,
 * typed parameters with units, ranges and defaults, requirements, capabilities) in a
 * {@link org.leakbench.component.Descriptor} and is found through {@link java.util.ServiceLoader} by
 * {@link org.leakbench.component.ComponentRegistry}. The typed parameter model ({@link
 * org.leakbench.component.ParameterSpec}, {@link org.leakbench.component.Range}) lives here too. This package
 * sits low: it imports only the JDK and {@code org.leakbench.tensor}; each kind's factory type lives with
 * that kind.
 */
package org.leakbench.component;
