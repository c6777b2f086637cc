/**
 * Closed-form reconstruction: the bias-ratio recovery from a linear first layer (Phong et al. 2017) and
 * the malicious-server imprint attack "Robbing the Fed" (Fowl et al. 2022), which recovers many samples
 * from one aggregated update of a large batch.
 */
package org.leakbench.attack.analytic;
