//! The macros that give a model type its encoding: a struct is its fields in
//! the order listed, an enum is the index of its variant (in the order
//! listed) as one byte, then that variant's fields in order.
//!
//! A struct must list every field (building `Self` fails to compile
//! otherwise) and an enum every variant (an exhaustive `match` checks it).

/// `wire_struct!(Type { field, field, ... })`, for one or more types.
macro_rules! wire_struct {
    ($($ty:ty { $($field:ident),+ $(,)? })+) => {$(
        impl $crate::wire::Wire for $ty {
            fn encode(&self, out: &mut Vec<u8>) {
                $( $crate::wire::Wire::encode(&self.$field, out); )+
            }

            fn decode(input: &mut $crate::wire::Input<'_>) -> Self {
                Self { $( $field: $crate::wire::Wire::decode(input), )+ }
            }
        }
    )+};
}

/// `wire_enum!(Type { Unit, Tuple(a, b), Struct { x, y } })`, for one or
/// more types; a variant's index is its place in the list.
macro_rules! wire_enum {
    ($($ty:ty {
        $($variant:ident $( ( $($item:ident),+ ) )? $( { $($field:ident),+ } )?),+ $(,)?
    })+) => {$(
        impl $crate::wire::Wire for $ty {
            #[allow(unused_assignments)]
            fn encode(&self, out: &mut Vec<u8>) {
                // Compile-time check that every variant is listed.
                match self {
                    $( Self::$variant { .. } => {} )+
                }
                let mut index: u8 = 0;
                $(
                    if let Self::$variant $( ( $($item),+ ) )? $( { $($field),+ } )? = self {
                        out.push(index);
                        $( $( $crate::wire::Wire::encode($item, out); )+ )?
                        $( $( $crate::wire::Wire::encode($field, out); )+ )?
                        return;
                    }
                    index += 1;
                )+
            }

            #[allow(unused_assignments)]
            fn decode(input: &mut $crate::wire::Input<'_>) -> Self {
                let start = input.offset();
                let tag = input.byte();
                let mut index: u8 = 0;
                $(
                    if tag == index {
                        return Self::$variant
                            $( ( $( $crate::wire::derive::next!($item, input) ),+ ) )?
                            $( { $( $field: $crate::wire::Wire::decode(input) ),+ } )?
                        ;
                    }
                    index += 1;
                )+
                // A tag that names nothing fails the input, which then
                // reads as empty: its tag 0 names the first variant.
                input.fail(start, $crate::wire::Problem::BadTag(tag));
                Self::decode(input)
            }
        }
    )+};
}

/// The next value of `input`, for the tuple field named `$item`.
macro_rules! next {
    ($item:ident, $input:ident) => {
        $crate::wire::Wire::decode($input)
    };
}

pub(super) use {next, wire_enum, wire_struct};
