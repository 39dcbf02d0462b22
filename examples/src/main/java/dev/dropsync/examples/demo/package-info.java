/**
 * The demo application ({@code java -jar dropsync-examples.jar demo}): a whole dropshipping back-end
 * run end to end against the embedded CJ simulator or a CJ-compatible server. Not API: the classes
 * here may change in any release.
 */
@NullMarked
package dev.dropsync.examples.demo;

import org.jspecify.annotations.NullMarked;
