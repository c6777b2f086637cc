/**
 * Property inference from federated updates (Melis et al., "Exploiting Unintended Feature Leakage in
 * Collaborative Learning", IEEE S&amp;P 2019): an attacker who holds auxiliary data labelled with a property
 * computes the shared model's updates on batches with and without it, trains a binary classifier on a compact
 * feature of those updates (the last layer's gradient), and applies it to a victim's update. A defense is
 * modelled as a transform applied to every update before the attacker sees it.
 */
package org.leakbench.attack.property;
