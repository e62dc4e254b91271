/** reflex-orm provider for MyBatis. */
package dev.reflex.orm.mybatis;
