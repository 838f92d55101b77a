// engine/common/empty.cpp — keeps an object library non-empty before its layer has sources.
