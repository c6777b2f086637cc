package org.leakbench.defense;

import org.leakbench.update.Update;

/** An update after a defense, with what the defense cost. */
public record DefendedUpdate(Update update, DefenseCost cost) {}
